//! `rungs.config.json`, next to `index.html`: how an organisation hosting
//! Rungs makes its own ladder the default, and names itself in the header,
//! without rebuilding the app.
//!
//! ```json
//! {"rubric": "acme-ladder.json", "organisation": "Acme"}
//! ```
//!
//! `rubric` is a Rungs rubric file (see `docs/rubric-format.md`) beside
//! `index.html`, or in a folder below it. The build ships an empty
//! configuration, `{}`: the built-in rubric and no name.

use serde::Deserialize;

/// The configuration's file in the build, next to `index.html`.
pub const CONFIG_FILE: &str = "rungs.config.json";

/// The longest organisation name the header shows.
const MAX_NAME: usize = 60;

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The path of the default rubric's file, relative to the page.
    #[serde(default)]
    pub rubric: Option<String>,
    /// The organisation's name, shown in the header.
    #[serde(default)]
    pub organisation: Option<String>,
}

impl Config {
    /// Reads and checks a configuration; says what is wrong in plain words.
    pub fn parse(text: &str) -> Result<Config, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config: Config = serde_json::from_str(text).map_err(|error| {
            format!(
                "{CONFIG_FILE} is not valid: line {}, {}",
                error.line(),
                plain(&error.to_string())
            )
        })?;
        if let Some(rubric) = &config.rubric {
            if let Some(problem) = path_problem(rubric) {
                return Err(format!("{CONFIG_FILE}: the rubric {rubric:?} {problem}."));
            }
        }
        if let Some(name) = &config.organisation {
            let name = name.trim();
            if name.is_empty() {
                return Err(format!("{CONFIG_FILE}: the organisation's name is empty."));
            }
            if name.chars().count() > MAX_NAME {
                return Err(format!(
                    "{CONFIG_FILE}: the organisation's name is longer than {MAX_NAME} characters."
                ));
            }
        }
        Ok(config)
    }
}

/// Why `path` cannot name the rubric file, if it cannot: it must be a
/// relative path to a `.json` file at or below the page's folder.
fn path_problem(path: &str) -> Option<&'static str> {
    let path = path.trim();
    if path.is_empty() {
        Some("is empty")
    } else if path.contains("://") || path.starts_with('/') || path.starts_with('\\') {
        Some("must be a file beside index.html or in a folder below it, not an address")
    } else if path.split(['/', '\\']).any(|part| part == "..") {
        Some("must not leave the folder of index.html")
    } else if !path.to_ascii_lowercase().ends_with(".json") {
        Some("must be a Rungs rubric file (.json); import other formats on the Rubric page and export them as Rungs JSON")
    } else {
        None
    }
}

/// serde's message without its own position, which the caller gives.
fn plain(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_names_the_rubric_and_the_organisation() {
        let config =
            Config::parse(r#"{"rubric": "ladders/acme.json", "organisation": "Acme"}"#).unwrap();
        assert_eq!(config.rubric.as_deref(), Some("ladders/acme.json"));
        assert_eq!(config.organisation.as_deref(), Some("Acme"));
        assert_eq!(Config::parse("{}").unwrap(), Config::default());
        assert_eq!(Config::parse("\u{feff}{}").unwrap(), Config::default());
    }

    #[test]
    fn a_broken_configuration_says_what_is_wrong() {
        for (text, expected) in [
            ("{", "line 1, EOF while parsing an object"),
            (r#"{"rubrik": "a.json"}"#, "unknown field `rubrik`"),
            (r#"{"rubric": ""}"#, "is empty"),
            (
                r#"{"rubric": "https://example.com/a.json"}"#,
                "not an address",
            ),
            (r#"{"rubric": "//example.com/a.json"}"#, "not an address"),
            (r#"{"rubric": "../a.json"}"#, "must not leave"),
            (r#"{"rubric": "ladder.yaml"}"#, "export them as Rungs JSON"),
            (r#"{"organisation": "  "}"#, "name is empty"),
            (r#"{"organisation": 3}"#, "invalid type"),
        ] {
            let problem = Config::parse(text).unwrap_err();
            assert!(problem.contains(expected), "{text}: {problem}");
            assert!(problem.starts_with(CONFIG_FILE), "{problem}");
        }
        let long = format!(r#"{{"organisation": "{}"}}"#, "a".repeat(61));
        assert!(Config::parse(&long).unwrap_err().contains("longer than 60"));
    }
}
