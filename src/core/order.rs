//! One sort for the whole program. Each `sort`, `sort_by` or `sort_by_cached_key` on a new
//! element type or closure is a new copy of the standard library's sorting code (about 2–3 KB of
//! wasm each, five of them in the app); sorting positions with a comparator behind a reference
//! is one copy, shared by every caller.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` puts them; equal ones keep their order (stable).
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    positions
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => cmp(a, b),
        _ => Ordering::Equal,
    });
    rearrange(items, &positions);
}

/// Sorts `items` stably by a key worked out once per item.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let positions = order(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    rearrange(items, &positions);
}

/// Puts `items` in the order of `positions`, a permutation of their positions.
fn rearrange<T>(items: &mut Vec<T>, positions: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_stable_and_loses_nothing() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut items = vec!["ccc", "a", "bb", "dd", ""];
        sort_by_key(&mut items, |s| std::cmp::Reverse(s.len()));
        assert_eq!(items, ["ccc", "bb", "dd", "a", ""]);
        assert_eq!(order(4, &|a, b| (a % 2).cmp(&(b % 2))), [0, 2, 1, 3]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items: Vec<(u8, u16)>) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
