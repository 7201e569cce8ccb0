//! Escaping for the Markdown exports, so that text typed by the user or
//! imported with a rubric cannot break the layout around it.

/// `text` made safe to place mid-line in Markdown, table cells included:
/// runs of whitespace (line breaks too) become one space, and characters
/// with inline meaning are backslash-escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// `text` made safe as a paragraph of its own: [`inline`], and a leading
/// marker that would start a heading, a list or a rule ("# ", "- ", "---",
/// "+ ", "1. ", "1) ") is backslash-escaped too.
pub fn paragraph(text: &str) -> String {
    let mut out = inline(text);
    let bytes = out.as_bytes();
    let run = |at: usize, f: fn(&u8) -> bool| bytes[at..].iter().take_while(|b| f(b)).count();
    let ends_marker = |at: usize| matches!(bytes.get(at), None | Some(b' '));
    let at = match bytes.first() {
        Some(b'#') => ends_marker(run(0, |b| *b == b'#')).then_some(0),
        Some(&b @ (b'-' | b'+')) => (ends_marker(1) || bytes.get(1) == Some(&b)).then_some(0),
        Some(b'0'..=b'9') => {
            let digits = run(0, u8::is_ascii_digit);
            (matches!(bytes.get(digits), Some(b'.' | b')')) && ends_marker(digits + 1))
                .then_some(digits)
        }
        _ => None,
    };
    if let Some(at) = at {
        out.insert(at, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_collapses_lines_and_escapes_markup() {
        assert_eq!(inline("  a\n# b  |c| *d*_e_ "), r"a # b \|c\| \*d\*\_e\_");
        assert_eq!(inline(""), "");
    }

    #[test]
    fn a_paragraph_cannot_start_a_block() {
        assert_eq!(paragraph("# Not a heading"), r"\# Not a heading");
        assert_eq!(paragraph("- not a list"), r"\- not a list");
        assert_eq!(paragraph("+ no"), r"\+ no");
        assert_eq!(paragraph("---"), r"\---");
        assert_eq!(paragraph("## x"), r"\## x");
        assert_eq!(paragraph("#"), r"\#");
        assert_eq!(paragraph("#hashtag, -5 or +1"), "#hashtag, -5 or +1");
        assert_eq!(paragraph("12. not a list"), r"12\. not a list");
        assert_eq!(paragraph("3) no"), r"3\) no");
        assert_eq!(paragraph("> *quote*"), r"\> \*quote\*");
        assert_eq!(paragraph("99.9% of requests"), "99.9% of requests");
        assert_eq!(
            paragraph("A plain - sentence. 1. Fine"),
            "A plain - sentence. 1. Fine"
        );
        assert_eq!(paragraph(""), "");
    }
}
