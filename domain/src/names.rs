//! Vietnamese personal names: splitting a full name, sorting the Vietnamese
//! way, and accent-free search keys. Server-only (the collation data stays
//! out of the browser bundle).

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use std::cmp::Ordering;
use std::sync::OnceLock;

/// A person's name in its three Vietnamese parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    /// Họ, e.g. "Nguyễn".
    pub family: String,
    /// Tên đệm (may be empty or several words), e.g. "Thị Ánh".
    pub middle: String,
    /// Tên, e.g. "Đào".
    pub given: String,
}

impl PersonName {
    /// Splits a full name: the first word is the family name, the last the
    /// given name, the words between the middle name. A one-word name is a
    /// given name only. Spaces are collapsed and the text is put in NFC, so
    /// names typed with decomposed accents compare equal to composed ones.
    ///
    /// Compound family names ("Tôn Nữ", "Âu Dương") cannot be told apart from
    /// middle names by rule; import screens let the user correct the split.
    pub fn split(full: &str) -> PersonName {
        let full = nfc(full);
        let words: Vec<&str> = full.split_whitespace().collect();
        match words.as_slice() {
            [] => PersonName { family: String::new(), middle: String::new(), given: String::new() },
            [given] => PersonName { family: String::new(), middle: String::new(), given: given.to_string() },
            [family, middle @ .., given] => {
                PersonName { family: family.to_string(), middle: middle.join(" "), given: given.to_string() }
            }
        }
    }

    /// The full name in the usual order: family, middle, given.
    pub fn full(&self) -> String {
        [self.family.as_str(), self.middle.as_str(), self.given.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Text in Unicode NFC with runs of whitespace collapsed.
pub fn nfc(s: &str) -> String {
    let composed = ComposingNormalizerBorrowed::new_nfc().normalize(s);
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text in Unicode NFC, line breaks kept (for whole files).
pub fn nfc_keep_lines(s: &str) -> String {
    ComposingNormalizerBorrowed::new_nfc().normalize(s).into_owned()
}

/// The search key of a text: lower case, without diacritics, `đ` as `d`,
/// spaces collapsed. "Nguyễn Văn Đức" → "nguyen van duc".
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace('đ', "d");
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(&lower);
    // Vietnamese vowel and tone marks are all in the Combining Diacritical Marks block.
    let stripped: String = decomposed.chars().filter(|c| !('\u{0300}'..='\u{036F}').contains(c)).collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether every word of `query` starts a word of `text`, both folded:
/// "ng van d" finds "Nguyễn Văn Đức".
pub fn matches(text: &str, query: &str) -> bool {
    let text = fold(text);
    let words: Vec<&str> = text.split(' ').collect();
    fold(query).split(' ').filter(|q| !q.is_empty()).all(|q| words.iter().any(|w| w.starts_with(q)))
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        Collator::try_new(locale!("vi").into(), CollatorOptions::default()).expect("Vietnamese collation data is compiled in")
    })
}

/// Compares two texts in Vietnamese alphabetical order
/// (a < ă < â, d < đ, o < ô < ơ, u < ư; tones ordered ngang, huyền, hỏi, ngã, sắc, nặng).
pub fn compare_text(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// Compares two people the way a Vietnamese class list is ordered: by given
/// name, then middle name, then family name.
pub fn compare_names(a: &PersonName, b: &PersonName) -> Ordering {
    compare_text(&a.given, &b.given)
        .then_with(|| compare_text(&a.middle, &b.middle))
        .then_with(|| compare_text(&a.family, &b.family))
}

/// The collation key of a name in class-list order (given, middle, family):
/// comparing two keys byte by byte orders them as [`compare_names`] does, so
/// the database can sort and page class lists itself. ICU keys never contain
/// a zero byte, which therefore separates the parts.
pub fn name_key(name: &PersonName) -> Vec<u8> {
    let mut key = Vec::with_capacity(48);
    for (i, part) in [&name.given, &name.middle, &name.family].into_iter().enumerate() {
        if i > 0 {
            key.push(0);
        }
        let Ok(()) = collator().write_sort_key_to(part, &mut key);
    }
    key
}

/// Compares two full names (split first) in class-list order.
pub fn compare_full_names(a: &str, b: &str) -> Ordering {
    compare_names(&PersonName::split(a), &PersonName::split(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_order_like_the_collator() {
        let names = [
            "Nguyễn Văn An", "Trần Thị Ánh", "Lê Anh", "Phạm Ăn", "Đỗ Văn Ân", "Hồ Bình", "Vũ Thị Đào", "Lý Dao",
            "Nguyễn Ánh Dương", "Trần An", "Ngô Văn Ư", "Bùi Ơn", "Tạ Ô", "Mai O", "Lê Hà", "Lê Hạ", "Lê Hả", "Lê Hã", "Lê Há", "Lê Hà",
            "An", "Nguyễn  Văn Anh", "Nguyễn Anh", "Ông Thị Anh", "K' Văn An", "H'Hen Niê",
        ];
        let people: Vec<PersonName> = names.iter().map(|n| PersonName::split(n)).collect();
        let mut by_compare: Vec<usize> = (0..people.len()).collect();
        by_compare.sort_by(|a, b| compare_names(&people[*a], &people[*b]).then(a.cmp(b)));
        let mut by_key: Vec<usize> = (0..people.len()).collect();
        by_key.sort_by(|a, b| name_key(&people[*a]).cmp(&name_key(&people[*b])).then(a.cmp(b)));
        assert_eq!(by_key, by_compare);
        assert!(names.iter().all(|n| !name_key(&PersonName::split(n)).is_empty()));
    }

    #[test]
    fn splits_full_names() {
        let n = PersonName::split("  Nguyễn   Thị Ánh  Đào ");
        assert_eq!((n.family.as_str(), n.middle.as_str(), n.given.as_str()), ("Nguyễn", "Thị Ánh", "Đào"));
        assert_eq!(n.full(), "Nguyễn Thị Ánh Đào");
        let two = PersonName::split("Lê Na");
        assert_eq!((two.family.as_str(), two.middle.as_str(), two.given.as_str()), ("Lê", "", "Na"));
        assert_eq!(PersonName::split("Tùng").given, "Tùng");
        assert_eq!(PersonName::split("").full(), "");
        // Decomposed input (e + combining marks) becomes composed.
        assert_eq!(PersonName::split("Le\u{0302}\u{0301} Anh").family, "Lế");
    }

    #[test]
    fn folds_for_search() {
        assert_eq!(fold("Nguyễn Văn Đức"), "nguyen van duc");
        assert_eq!(fold("ĐẶNG  THỊ  ƯỚC"), "dang thi uoc");
        assert_eq!(fold("Hồ Ngọc Hà"), "ho ngoc ha");
        assert_eq!(fold("Le\u{0302}\u{0301}"), "le");
        assert!(matches("Nguyễn Văn Đức", "nguyen van duc"));
        assert!(matches("Nguyễn Văn Đức", "duc ng"));
        assert!(matches("Nguyễn Văn Đức", "ĐỨC"));
        assert!(!matches("Nguyễn Văn Đức", "dung"));
        assert!(matches("Nguyễn Văn Đức", "  "));
    }

    #[test]
    fn vietnamese_letter_order() {
        let mut words = vec!["Ư", "Ơ", "U", "Đ", "Ô", "D", "O", "Â", "Ă", "A", "E", "Ê", "B"];
        words.sort_by(|a, b| compare_text(a, b));
        assert_eq!(words, vec!["A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư"]);
        // Dũng before Đức (d < đ) even though ũ would sort after ư alone.
        assert_eq!(compare_text("Dũng", "Đức"), Ordering::Less);
        // Tones: ngang, huyền, hỏi, ngã, sắc, nặng.
        let mut tones = vec!["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"];
        tones.sort_by(|a, b| compare_text(a, b));
        assert_eq!(tones, vec!["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]);
    }

    #[test]
    fn class_list_order_is_given_middle_family() {
        let mut names = vec![
            "Trần Văn Bình",
            "Nguyễn Thị Ánh",
            "Lê Văn An",
            "Phạm Thị Ánh",
            "Đỗ Minh Đức",
            "Bùi Văn Dũng",
            "Nguyễn Ánh",
            "Vũ Thị Ân",
            "Hoàng Thị Ăn",
        ];
        names.sort_by(|a, b| compare_full_names(a, b));
        assert_eq!(
            names,
            vec![
                "Lê Văn An",
                // Same given name: by middle name ("" < "Thị"), then family (Nguyễn < Phạm).
                "Nguyễn Ánh",
                "Nguyễn Thị Ánh",
                "Phạm Thị Ánh",
                // "Ánh" < "Ăn" < "Ân": the letter (a < ă < â) decides before the tone.
                "Hoàng Thị Ăn",
                "Vũ Thị Ân",
                "Trần Văn Bình",
                "Bùi Văn Dũng",
                "Đỗ Minh Đức",
            ]
        );
    }
}
