//! `check()` on the seed and on a large draft (1,000 project rows, 1,000 special funds), and
//! the other per-keystroke work of the app: figures, and the exports the download buttons make.
//! Run with `cargo bench`; goals: seed ≤ 50 µs, large ≤ 2 ms.

use criterion::{criterion_group, criterion_main, Criterion};
use selfeval::export::render_html;
use selfeval::sample::{large_draft, sample_draft, SAMPLE_JSON};
use selfeval::{check, read_draft, write_draft, Figures};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let seed = sample_draft();
    let large = large_draft(1_000, 1_000);
    c.bench_function("check/seed", |b| b.iter(|| check(black_box(&seed))));
    c.bench_function("check/1000 projects + 1000 funds", |b| {
        b.iter(|| check(black_box(&large)))
    });
    c.bench_function("figures/seed", |b| b.iter(|| Figures::of(black_box(&seed))));
    c.bench_function("read/seed", |b| {
        b.iter(|| read_draft(black_box(SAMPLE_JSON)))
    });
    c.bench_function("write/seed", |b| b.iter(|| write_draft(black_box(&seed))));
    c.bench_function("html/seed", |b| b.iter(|| render_html(black_box(&seed))));
}

criterion_group!(all, benches);
criterion_main!(all);
