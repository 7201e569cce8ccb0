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
    /// Reads a configuration; says what is wrong in plain words. The
    /// rubric's path is checked when the rubric is read
    /// ([`rubric_file`](Config::rubric_file)), so that the first load
    /// carries only what the header needs.
    pub fn parse(text: &str) -> Result<Config, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config: Config = serde_json::from_str(text)
            .map_err(|error| format!("{CONFIG_FILE} is not valid: {error}."))?;
        if let Some(name) = &config.organisation {
            let length = name.trim().chars().count();
            if length == 0 {
                return Err(format!("{CONFIG_FILE}: the organisation's name is empty."));
            }
            if length > MAX_NAME {
                return Err(format!(
                    "{CONFIG_FILE}: the organisation's name is longer than {MAX_NAME} characters."
                ));
            }
        }
        Ok(config)
    }

    /// The rubric file the configuration names, when it names one: a
    /// relative path to a `.json` file at or below the page's folder, or
    /// why it is not.
    pub fn rubric_file(&self) -> Option<Result<&str, String>> {
        let path = self.rubric.as_deref()?.trim();
        let problem = if path.is_empty() {
            "is empty"
        } else if path.contains("://") || path.starts_with('/') || path.starts_with('\\') {
            "must be a file beside index.html or in a folder below it, not an address"
        } else if path.split(['/', '\\']).any(|part| part == "..") {
            "must not leave the folder of index.html"
        } else if !path.to_ascii_lowercase().ends_with(".json") {
            "must be a Rungs rubric file (.json); import other formats on the Rubric page and export them as Rungs JSON"
        } else {
            return Some(Ok(path));
        };
        Some(Err(format!(
            "{CONFIG_FILE}: the rubric {path:?} {problem}."
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_names_the_rubric_and_the_organisation() {
        let config =
            Config::parse(r#"{"rubric": "ladders/acme.json", "organisation": "Acme"}"#).unwrap();
        assert_eq!(config.rubric_file(), Some(Ok("ladders/acme.json")));
        assert_eq!(config.organisation.as_deref(), Some("Acme"));
        assert_eq!(Config::parse("{}").unwrap(), Config::default());
        assert_eq!(Config::parse("\u{feff}{}").unwrap(), Config::default());
        assert_eq!(Config::default().rubric_file(), None);
    }

    #[test]
    fn a_broken_configuration_says_what_is_wrong() {
        for (text, expected) in [
            ("{", "EOF while parsing an object at line 1"),
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
            let problem = match Config::parse(text) {
                Ok(config) => config.rubric_file().unwrap().unwrap_err(),
                Err(problem) => problem,
            };
            assert!(problem.contains(expected), "{text}: {problem}");
            assert!(problem.starts_with(CONFIG_FILE), "{problem}");
        }
        let long = format!(r#"{{"organisation": "{}"}}"#, "a".repeat(61));
        assert!(Config::parse(&long).unwrap_err().contains("longer than 60"));
    }
}
