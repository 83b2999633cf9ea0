//! `check()` on the seed (the version 2 example, with its 自评表), on a large draft (1,000 project
//! rows, 1,000 special funds) and on the same with 500 indicators in its 自评表, and
//! the other per-keystroke work of the app: figures, and the exports the download buttons make.
//! Run with `cargo bench`; goals: seed ≤ 50 µs, large ≤ 2 ms (with 500 indicators too), a
//! 200,000-character text field
//! (a report's paragraphs pasted into it) ≤ 5 ms. The same text in two fields, and one made of
//! every text rule's worst shapes, show how the cost grows.

use criterion::{criterion_group, criterion_main, Criterion};
use selfeval::export::{render_docx, render_html};
use selfeval::reader::read_report;
use selfeval::report_file::report_text;
use selfeval::sample::{grown_report, large_draft, sample_draft, with_indicators, SAMPLE_JSON};
use selfeval::{check, read_draft, write_draft, Figures, Path};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let seed = sample_draft();
    let large = large_draft(1_000, 1_000);
    c.bench_function("check/seed", |b| b.iter(|| check(black_box(&seed))));
    c.bench_function("check/1000 projects + 1000 funds", |b| {
        b.iter(|| check(black_box(&large)))
    });
    let scored = with_indicators(large_draft(1_000, 1_000), 500);
    c.bench_function("check/1000 projects + 1000 funds + 500 indicators", |b| {
        b.iter(|| check(black_box(&scored)))
    });
    c.bench_function("figures/1000 projects + 1000 funds + 500 indicators", |b| {
        b.iter(|| selfeval::scorecard::figures_of(black_box(&scored)))
    });
    let report = long_report_draft(200_000, &[Path::GoalsOverall]);
    c.bench_function(
        "check/a 200,000-character text field (the seed's paragraphs)",
        |b| b.iter(|| check(black_box(&report))),
    );
    let two = long_report_draft(200_000, &[Path::GoalsOverall, Path::Organization]);
    c.bench_function(
        "check/two 200,000-character text fields (the seed's paragraphs)",
        |b| b.iter(|| check(black_box(&two))),
    );
    let dense = long_text_draft(200_000);
    c.bench_function(
        "check/a 200,000-character text field (a rule's shape every 20 characters)",
        |b| b.iter(|| check(black_box(&dense))),
    );
    c.bench_function("figures/seed", |b| b.iter(|| Figures::of(black_box(&seed))));
    c.bench_function("read/seed", |b| {
        b.iter(|| read_draft(black_box(SAMPLE_JSON)))
    });
    c.bench_function("write/seed", |b| {
        b.iter(|| write_draft(black_box(&seed)).unwrap())
    });
    c.bench_function("html/seed", |b| b.iter(|| render_html(black_box(&seed))));
    c.bench_function("docx/seed", |b| b.iter(|| render_docx(black_box(&seed))));
    let docx = render_docx(&seed).unwrap_or_default();
    println!("docx/seed is {} bytes", docx.len());
    c.bench_function("docx text/seed (unzip and read the paragraphs)", |b| {
        b.iter(|| report_text(black_box(&docx)))
    });
    c.bench_function("read report/seed text", |b| {
        b.iter(|| read_report(black_box(SEED_TEXT)))
    });
    let long = grown_report(SEED_TEXT, 120_000);
    c.bench_function(
        "read report/200 pages (the seed, its 十 grown to 120,000 characters)",
        |b| b.iter(|| read_report(black_box(&long))),
    );
}

const SEED_TEXT: &str = include_str!("../tests/data/seed-2024.txt");

/// The seed with `fields` replaced by the seed's own paragraphs, repeated to `chars` characters
/// each: a long report pasted into a field.
fn long_report_draft(chars: usize, fields: &[Path]) -> selfeval::Draft {
    let seed = sample_draft();
    let paragraphs: Vec<String> = seed
        .fields()
        .filter_map(|p| seed.field(p))
        .map(|p| format!("{p}\n"))
        .collect();
    with_long_text(&paragraphs, chars, fields)
}

/// The seed with 年度整体支出绩效目标 replaced by `chars` characters of what the text rules read:
/// inline list markers, counts with introducers and lists, 主要包括 without a sentence end,
/// placeholders, length hints, label digits, one long sentence and many short ones.
fn long_text_draft(chars: usize) -> selfeval::Draft {
    let pieces = [
        "1.接待来访。2.办理网信。2.化解积案。",
        "内设机构3个，即办公室、财务室、",
        "主要包括资金到位、资金使用",
        "XX（100字以内）任务1：目标2、第3项",
        "一是甲；二是乙；（1）丙（2）丁，",
        "下设股室两个：甲、乙、丙和丁、戊",
    ];
    with_long_text(&pieces, chars, &[Path::GoalsOverall])
}

/// The seed with `fields` set to `pieces` repeated to `chars` characters. 年度整体支出绩效目标
/// is the field every text rule reads (numbering, stated lists, template text, unquantified
/// goals).
fn with_long_text(pieces: &[impl AsRef<str>], chars: usize, fields: &[Path]) -> selfeval::Draft {
    let text: String = pieces
        .iter()
        .map(AsRef::as_ref)
        .cycle()
        .flat_map(str::chars)
        .take(chars)
        .collect();
    let mut draft = sample_draft();
    for path in fields {
        draft.set_field(*path, &text);
    }
    draft
}

criterion_group!(all, benches);
criterion_main!(all);
