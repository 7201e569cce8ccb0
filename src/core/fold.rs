//! Text folding for search and matching: case-, accent- and
//! punctuation-insensitive, so that "CI/CD", "ci-cd" and "cicd" compare
//! equal and "Déjà vu" finds "deja vu".
//!
//! The tables are our own and cover Latin-1 and Latin Extended-A, which is
//! every accent in the content and in most engineers' notes. The standard
//! library's `to_lowercase` would bring the whole Unicode case table into
//! the wasm for no gain here. Other non-ASCII letters (Greek, CJK, …) are
//! kept as they are, so a search still finds them verbatim.

/// Appends the folded form of `c` to `out`. Returns false, appending
/// nothing, when `c` separates words: whitespace, punctuation and symbols.
pub fn fold_into(c: char, out: &mut String) -> bool {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            return true;
        }
        return false;
    }
    if let Some(base) = latin_base(c) {
        out.push_str(base);
        return true;
    }
    if is_separator(c) {
        return false;
    }
    out.push(c);
    true
}

/// The letters and digits of `text`, folded, with every separator dropped:
/// "CI/CD" → "cicd", "A/B testing" → "abtesting".
pub fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
}

/// The folded words of `text`, in order: "Mean time to recovery (MTTR)" →
/// ["mean", "time", "to", "recovery", "mttr"].
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if !fold_into(c, &mut word) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether every word of `query` starts a word of `text` (case, accents
/// and punctuation aside): "rev des" matches "Reviews designs".
pub fn starts_words(text: &str, query: &str) -> bool {
    let text = spaced(text);
    words(query)
        .iter()
        .all(|word| text.contains(&format!(" {word}")))
}

/// `text` folded, each word preceded by one space: " mean time to
/// recovery". `spaced.contains(" rec")` then asks "does a word start with
/// rec?" in one substring search.
pub fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut in_word = false;
    for c in text.chars() {
        let len = out.len();
        if !in_word {
            out.push(' ');
        }
        if fold_into(c, &mut out) {
            in_word = true;
        } else {
            out.truncate(len);
            in_word = false;
        }
    }
    out
}

/// `text` folded as [`spaced`] does, with the place in `text` each folded
/// byte came from, so that a match in the folded text can be marked in the
/// original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapped {
    /// The folded text, as [`spaced`] returns it.
    pub text: String,
    /// For each byte of `text`, the byte range in the original of the
    /// character it came from (a separator space maps to the empty range
    /// where its word begins).
    pub origin: Vec<std::ops::Range<usize>>,
}

impl Mapped {
    pub fn new(original: &str) -> Mapped {
        let mut text = String::with_capacity(original.len() + 1);
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut in_word = false;
        for (at, c) in original.char_indices() {
            let len = text.len();
            if !in_word {
                text.push(' ');
            }
            if fold_into(c, &mut text) {
                if !in_word {
                    origin.push(at..at);
                }
                let source = at..at + c.len_utf8();
                origin.resize(text.len(), source);
                in_word = true;
            } else {
                text.truncate(len);
                in_word = false;
            }
        }
        Mapped { text, origin }
    }

    /// The range of the original covered by the folded bytes `range`.
    pub fn source(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.origin[range.start].start;
        let end = self.origin[range.end - 1].end;
        start..end
    }
}

/// How many typing mistakes a word of `len` letters may have and still be
/// taken for what was meant: none under four, one up to seven, two from
/// eight. Search and the practice answers both forgive this much.
pub fn allowance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The edit distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of two neighbours, each costing one) when it is
/// at most `max`; `None` when it is more. Works on bytes: meant for folded
/// text, which is ASCII for the Latin alphabet.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal-string-alignment table.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            row[j] = value;
            best = best.min(value);
        }
        if best > max {
            return None;
        }
        before = std::mem::replace(&mut previous, std::mem::take(&mut row));
        row = vec![0; b.len() + 1];
    }
    let value = previous[b.len()];
    (value <= max).then_some(value)
}

/// Whitespace, punctuation and symbols outside ASCII that separate words:
/// no-break space, Latin-1 punctuation (« » ¿ ¡ · ×), the general
/// punctuation block (dashes, curly quotes, ellipsis) and arrows.
fn is_separator(c: char) -> bool {
    matches!(c,
        '\u{a0}'..='\u{bf}'
        | '\u{d7}' | '\u{f7}'
        | '\u{2000}'..='\u{206f}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{3000}'
        | '\u{feff}')
}

/// The ASCII letters a Latin-1 or Latin Extended-A letter is written with
/// when its accent is dropped: "É" → "e", "ß" → "ss", "Œ" → "oe".
fn latin_base(c: char) -> Option<&'static str> {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'ß' => "ss",
        'Ś'..='š' => "s",
        'Ţ'..='ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        'ſ' => "s",
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_a_query_must_start_a_word() {
        assert!(starts_words("Reviews designs", "rev DES"));
        assert!(starts_words("Réviews designs", "revi"));
        assert!(starts_words("anything", ""));
        assert!(!starts_words("Reviews designs", "views"));
        assert!(!starts_words("Reviews designs", "rev code"));
    }

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(compact("CI/CD"), "cicd");
        assert_eq!(compact("ci-cd"), "cicd");
        assert_eq!(compact("Déjà Vu!"), "dejavu");
        assert_eq!(compact("Straße, Œuvre, Łódź"), "strasseoeuvrelodz");
        assert_eq!(compact("“Quoted” — text…"), "quotedtext");
        assert_eq!(compact("κύβος"), "κύβος");
    }

    #[test]
    fn words_split_at_every_separator() {
        assert_eq!(
            words("Mean time to recovery (MTTR)"),
            ["mean", "time", "to", "recovery", "mttr"]
        );
        assert_eq!(words("A/B testing"), ["a", "b", "testing"]);
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(spaced("  Error-budget  policy. "), " error budget policy");
    }

    #[test]
    fn short_words_get_no_mistakes_and_long_ones_two() {
        let allowed: Vec<usize> = (0..10).map(allowance).collect();
        assert_eq!(allowed, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    }

    #[test]
    fn distance_counts_edits_up_to_a_limit() {
        assert_eq!(distance("kubernets", "kubernetes", 2), Some(1));
        assert_eq!(distance("kuberentes", "kubernetes", 2), Some(1));
        assert_eq!(distance("slo", "sla", 1), Some(1));
        assert_eq!(distance("canary", "canary", 0), Some(0));
        assert_eq!(distance("", "ab", 2), Some(2));
        assert_eq!(distance("toil", "tail", 0), None);
        assert_eq!(distance("observability", "obs", 2), None);
        assert_eq!(distance("latency", "lantecy", 1), None);
        assert_eq!(distance("latency", "lantecy", 2), Some(2));
    }

    #[test]
    fn mapped_text_points_back_into_the_original() {
        let original = "Ça, l'Œuvre!";
        let mapped = Mapped::new(original);
        assert_eq!(mapped.text, spaced(original));
        assert_eq!(mapped.text, " ca l oeuvre");
        assert_eq!(mapped.origin.len(), mapped.text.len());
        let at = mapped.text.find("oeuvre").unwrap();
        assert_eq!(&original[mapped.source(at..at + 6)], "Œuvre");
        let at = mapped.text.find("oe").unwrap();
        assert_eq!(&original[mapped.source(at..at + 1)], "Œ");
        assert_eq!(&original[mapped.source(1..3)], "Ça");
    }
}
