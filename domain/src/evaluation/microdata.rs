//! The monitoring variables in the bundle's event log, generalised so that no one stands out: a
//! value is shown only where at least k applicants to the same vacancy share it, and a person's
//! values only where at least k applicants to the same vacancy share all of them (k-anonymity on
//! the vacancy and the monitoring variables together). Everything else is left empty.

use std::collections::HashMap;
use std::hash::Hash;

/// For each person (their vacancy and their value of each variable, in the same order for
/// everyone), the values shown: `None` where hidden.
pub fn k_anonymous<V: Eq + Hash + Copy>(people: &[(V, Vec<String>)], k: u64) -> Vec<Vec<Option<String>>> {
    let width = people.first().map_or(0, |(_, values)| values.len());
    // First each variable on its own: a value fewer than k people of the vacancy share is hidden.
    let mut counts: HashMap<(V, usize, &str), u64> = HashMap::new();
    for (vacancy, values) in people {
        for (column, value) in values.iter().enumerate() {
            *counts.entry((*vacancy, column, value.as_str())).or_default() += 1;
        }
    }
    let shown: Vec<Vec<Option<String>>> = people
        .iter()
        .map(|(vacancy, values)| {
            (0..width)
                .map(|column| {
                    let value = values.get(column)?;
                    (counts[&(*vacancy, column, value.as_str())] >= k).then(|| value.clone())
                })
                .collect()
        })
        .collect();
    // Then the combination: a person whose shown values fewer than k people share shows none.
    let mut classes: HashMap<(V, &[Option<String>]), u64> = HashMap::new();
    for ((vacancy, _), values) in people.iter().zip(&shown) {
        *classes.entry((*vacancy, values.as_slice())).or_default() += 1;
    }
    let small: Vec<bool> =
        people.iter().zip(&shown).map(|((vacancy, _), values)| classes[&(*vacancy, values.as_slice())] < k).collect();
    shown.into_iter().zip(small).map(|(values, small)| if small { vec![None; width] } else { values }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(vacancy: u8, values: &[&str]) -> (u8, Vec<String>) {
        (vacancy, values.iter().map(|v| (*v).to_owned()).collect())
    }

    #[test]
    fn a_value_fewer_than_k_people_share_is_hidden() {
        // Vacancy 1: five women and one man; all born in the Netherlands.
        let mut people: Vec<(u8, Vec<String>)> = (0..5).map(|_| person(1, &["woman", "netherlands"])).collect();
        people.push(person(1, &["man", "netherlands"]));
        let shown = k_anonymous(&people, 5);
        assert_eq!(shown[0], [Some("woman".to_owned()), Some("netherlands".to_owned())]);
        // The man's gender goes; alone in his class, so does everything else.
        assert_eq!(shown[5], [None, None]);
    }

    #[test]
    fn a_rare_combination_of_common_values_is_hidden() {
        // Six women and six people born abroad in one vacancy, but only one woman born abroad.
        let mut people = Vec::new();
        people.extend((0..5).map(|_| person(1, &["woman", "netherlands"])));
        people.push(person(1, &["woman", "abroad"]));
        people.extend((0..5).map(|_| person(1, &["man", "abroad"])));
        people.extend((0..5).map(|_| person(1, &["man", "netherlands"])));
        let shown = k_anonymous(&people, 5);
        assert_eq!(shown[5], [None, None], "the one woman born abroad");
        assert!(shown.iter().enumerate().filter(|(i, _)| *i != 5).all(|(_, v)| v.iter().all(Option::is_some)));
    }

    #[test]
    fn vacancies_are_counted_apart() {
        // Three women in each of two vacancies: six in all, but fewer than five in each.
        let people: Vec<(u8, Vec<String>)> =
            [1, 1, 1, 2, 2, 2].into_iter().map(|vacancy| person(vacancy, &["woman"])).collect();
        assert!(k_anonymous(&people, 5).iter().all(|v| v == &[None]));
        assert!(k_anonymous(&people, 3).iter().all(|v| v == &[Some("woman".to_owned())]));
    }
}
