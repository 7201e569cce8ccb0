//! Moving the user's data out of Rungs and back in: the export file, the
//! checks an imported file passes before anything changes, what it holds
//! next to what is here, and a readable Markdown copy of everything.
//!
//! An import is read in full and checked before it is offered: its size,
//! how deeply it nests, its envelope, its version (through every
//! migration), every field's type, and limits on text length, list length
//! and duplicate ids. Nothing in here panics, whatever the file holds
//! (`tests/transfer.rs` throws arbitrary input at it).

use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::counted;
use super::merge::{self, Conflict};
use super::schema::{decode_data, Document, ReadError, CURRENT_VERSION};
use super::time::Millis;

/// What an export file says it is.
pub const FORMAT: &str = "rungs-data";
/// The largest file Rungs imports, in bytes: far more than years of data.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// How deeply a file may nest lists and objects. Rungs' own files nest
/// fewer than ten levels.
pub const MAX_DEPTH: usize = 64;
/// The longest text one field may hold, in bytes.
pub const MAX_TEXT: usize = 100_000;
/// The most entries one list may hold.
pub const MAX_ENTRIES: usize = 10_000;

/// The whole document as a file to keep: the stored envelope, with what it
/// is and when it was made.
pub fn export(document: &Document, revision: u64, now: Millis) -> String {
    format!(
        r#"{{"format":"{FORMAT}","about":"Everything you keep in Rungs: your assessment, plan, own terms and settings. Import it on Rungs' Your data page.","exported_at":{now},"version":{CURRENT_VERSION},"revision":{revision},"saved_at":{now},"data":{}}}"#,
        document.to_json()
    )
}

/// Why a file cannot be imported. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: u64 },
    Empty,
    TooDeep,
    NotJson(String),
    NotRungs(String),
    TooNew { version: u32 },
    BadData(String),
    TooLong { what: String },
    Duplicate { list: String, id: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {}, and Rungs imports files of up to 10 MB. Years of data take far less, so it is probably not a Rungs file.",
                size_label(*bytes)
            ),
            ImportError::Empty => f.write_str("This file is empty."),
            ImportError::TooDeep => write!(
                f,
                "This file nests its data more than {MAX_DEPTH} levels deep, which no Rungs file does. It was not made by Rungs, or it was changed since."
            ),
            ImportError::NotJson(detail) => write!(
                f,
                "This is not a Rungs file: it is not valid JSON ({detail}). It may have been cut short or changed by hand."
            ),
            ImportError::NotRungs(detail) => write!(
                f,
                "This file is JSON, but not a Rungs file ({detail})."
            ),
            ImportError::TooNew { version } => write!(
                f,
                "A newer version of Rungs made this file (format {version}; this one reads up to {CURRENT_VERSION}). Import it with the newest Rungs."
            ),
            ImportError::BadData(detail) => write!(
                f,
                "This is a Rungs file, but its contents do not fit its format: {detail}."
            ),
            ImportError::TooLong { what } => write!(f, "This file holds {what}, more than Rungs keeps."),
            ImportError::Duplicate { list, id } => write!(
                f,
                "This file lists “{id}” twice among its {list}, so Rungs can't tell which to keep."
            ),
        }
    }
}

/// "12 bytes", "840 KB", "1.2 MB", "10.7 GB".
pub fn size_label(bytes: u64) -> String {
    let tenths = |unit: u64| format!("{}.{}", bytes / unit, bytes % unit / (unit / 10));
    match bytes {
        0..1_000 => counted(bytes as usize, "byte", "bytes"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        1_000_000..1_000_000_000 => format!("{} MB", tenths(1_000_000)),
        _ => format!("{} GB", tenths(1_000_000_000)),
    }
}

/// After how many days without a downloaded copy Rungs reminds the user.
pub const REMINDER_DAYS: u64 = 30;

/// Whether it is time to remind the user to download a copy: never done,
/// or more than [`REMINDER_DAYS`] ago.
pub fn backup_due(downloaded_at: Option<Millis>, now: Millis) -> bool {
    downloaded_at.is_none_or(|at| now.saturating_sub(at) > REMINDER_DAYS * 24 * 60 * 60 * 1000)
}

/// Checks a file's size before reading it.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    match bytes {
        0 => Err(ImportError::Empty),
        b if b > MAX_FILE_BYTES => Err(ImportError::TooLarge { bytes }),
        _ => Ok(()),
    }
}

/// A file that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub document: Document,
    /// When the file was made (exported, or last saved).
    pub made_at: Millis,
    /// The format it was in, when older than this build's.
    pub migrated_from: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEnvelope<'a> {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    about: Option<String>,
    #[serde(default)]
    exported_at: Option<Millis>,
    version: u32,
    #[allow(dead_code)]
    revision: u64,
    saved_at: Millis,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// Reads and checks a file in full: an export, a backup or a set-aside
/// copy. Either every check passes, or nothing is imported and the error
/// says why.
pub fn read(text: &str) -> Result<Incoming, ImportError> {
    check_size(text.len() as u64)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    check_depth(text)?;
    let envelope: FileEnvelope = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            if e.is_syntax() || e.is_eof() {
                ImportError::NotJson(e.to_string())
            } else {
                ImportError::NotRungs(e.to_string())
            }
        })?;
    if let Some(format) = &envelope.format {
        if format != FORMAT {
            return Err(ImportError::NotRungs(format!("it says it is “{format}”")));
        }
    }
    let document = decode_data(envelope.version, envelope.data.get()).map_err(|e| match e {
        ReadError::TooNew { version } => ImportError::TooNew { version },
        ReadError::NotJson(detail) => ImportError::NotJson(detail),
        ReadError::NotAnEnvelope(detail) => ImportError::NotRungs(detail),
        ReadError::BadData { detail, .. } => ImportError::BadData(detail),
    })?;
    // Every part is read now, so that nothing fails later.
    if let Some(ReadError::BadData { detail, .. }) = document.read_every_part().into_iter().next() {
        return Err(ImportError::BadData(detail));
    }
    let data: Value = serde_json::from_str(&document.to_json())
        .map_err(|e| ImportError::BadData(e.to_string()))?;
    check_limits(&data, "")?;
    Ok(Incoming {
        made_at: envelope.exported_at.unwrap_or(envelope.saved_at),
        migrated_from: (envelope.version < CURRENT_VERSION).then_some(envelope.version),
        document,
    })
}

/// Refuses text that nests deeper than [`MAX_DEPTH`], before parsing it.
pub(crate) fn check_depth(text: &str) -> Result<(), ImportError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, ..) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ImportError::TooDeep);
                }
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Refuses overlong text, overlong lists and ids listed twice. `at` names
/// where `value` is, for the message.
fn check_limits(value: &Value, at: &str) -> Result<(), ImportError> {
    match value {
        Value::String(text) if text.len() > MAX_TEXT => Err(ImportError::TooLong {
            what: format!(
                "a text of {} in {}",
                size_label(text.len() as u64),
                place(at)
            ),
        }),
        Value::Array(list) => {
            if list.len() > MAX_ENTRIES {
                return Err(ImportError::TooLong {
                    what: format!(
                        "{} in {}",
                        counted(list.len(), "entry", "entries"),
                        place(at)
                    ),
                });
            }
            let mut ids: Vec<&str> = Vec::new();
            for item in list {
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    if ids.contains(&id) {
                        return Err(ImportError::Duplicate {
                            list: place(at),
                            id: id.to_owned(),
                        });
                    }
                    ids.push(id);
                }
                check_limits(item, at)?;
            }
            Ok(())
        }
        Value::Object(object) => object
            .iter()
            .try_for_each(|(key, value)| check_limits(value, key)),
        _ => Ok(()),
    }
}

fn place(at: &str) -> String {
    match at {
        "" => "the file".into(),
        "checkins" => "check-ins".into(),
        "items" => "weekly goals".into(),
        "followups" => "follow-ups".into(),
        other => other.replace('_', " "),
    }
}

/// How much of each kind a document holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub grades: usize,
    pub snapshots: usize,
    pub goals: usize,
    pub milestones: usize,
    pub checkins: usize,
    pub weeks: usize,
    pub terms: usize,
    pub familiar: usize,
    pub ladders: usize,
    pub entries: usize,
}

impl Counts {
    pub fn of(document: &Document) -> Counts {
        let assessment = document.assessment.value();
        let plan = document.plan.value();
        let vocabulary = document.vocabulary.value();
        let ladders = document.ladders.value();
        // The grades of every ladder, the one in use and those set aside:
        // the user's own, those recorded by hand and those reviewers sent.
        let grades = std::iter::once(assessment)
            .chain(ladders.shelved.values())
            .map(|assessment| {
                let recorded: usize = assessment
                    .ratings
                    .values()
                    .map(|r| {
                        usize::from(r.mine.is_some())
                            + usize::from(r.manager.is_some())
                            + usize::from(r.peer.is_some())
                    })
                    .sum();
                let sent: usize = assessment.reviews.iter().map(|r| r.grades.len()).sum();
                recorded + sent
            })
            .sum();
        Counts {
            grades,
            snapshots: assessment.snapshots.len(),
            goals: plan.goals.len(),
            milestones: plan.goals.iter().map(|g| g.milestones.len()).sum(),
            checkins: plan.checkins.len(),
            weeks: plan.weeks.len(),
            terms: vocabulary.terms.len(),
            familiar: vocabulary.familiarity.len(),
            ladders: ladders.rubrics.len(),
            entries: document.evidence.value().entries.len(),
        }
    }

    /// Each kind, singular and plural, with its count: ("goal", "goals", 3).
    pub fn rows(&self) -> [(&'static str, &'static str, usize); 10] {
        [
            ("accomplishment", "accomplishments", self.entries),
            ("grade", "grades", self.grades),
            ("saved assessment", "saved assessments", self.snapshots),
            ("goal", "goals", self.goals),
            ("milestone", "milestones", self.milestones),
            ("check-in", "check-ins", self.checkins),
            ("week of goals", "weeks of goals", self.weeks),
            ("own term", "own terms", self.terms),
            ("term marked", "terms marked", self.familiar),
            ("ladder of your own", "ladders of your own", self.ladders),
        ]
    }

    /// "3 goals, 12 grades…", or "nothing yet".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .rows()
            .iter()
            .filter(|(.., n)| *n > 0)
            .map(|(one, many, n)| counted(*n, one, many))
            .collect();
        if parts.is_empty() {
            "nothing yet".into()
        } else {
            parts.join(", ")
        }
    }
}

/// `here` with `file` merged in by stable id: whatever only one holds is
/// kept, and where both hold the same item differently, the file's version
/// wins. Returns the merged document and the values the file replaces.
pub fn merge_into(here: &Document, file: &Document) -> Result<(Document, Vec<Conflict>), String> {
    let merged = merge::merge(None, &here.to_json(), &file.to_json())?;
    let data = merge::settle_for_theirs(&merged)?;
    Ok((Document::from_json(&data)?, merged.conflicts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::plan::{Goal, PlanEdit};
    use crate::core::schema::{SetTheme, Theme};

    fn with_goals(ids: &[&str]) -> Document {
        let mut document = Document::default();
        for id in ids {
            document.apply(PlanEdit::SaveGoal(Goal {
                id: (*id).into(),
                outcome: format!("Goal {id}"),
                ..Goal::default()
            }));
        }
        document
    }

    #[test]
    fn an_export_reads_back_as_the_same_document() {
        let mut document = with_goals(&["g1", "g2"]);
        document.apply(SetTheme(Theme::Dark));
        let file = export(&document, 7, 1_000);
        let incoming = read(&file).unwrap();
        assert_eq!(incoming.document, document);
        assert_eq!(incoming.made_at, 1_000);
        assert_eq!(incoming.migrated_from, None);
        assert_eq!(Counts::of(&incoming.document).goals, 2);
    }

    #[test]
    fn refused_files_say_why() {
        let refused = |text: &str| read(text).unwrap_err();
        assert_eq!(refused(""), ImportError::Empty);
        assert!(matches!(
            refused(r#"{"version":4,"revi"#),
            ImportError::NotJson(_)
        ));
        assert!(matches!(refused("[1, 2]"), ImportError::NotRungs(_)));
        assert!(matches!(
            refused(r#"{"format":"other","version":4,"revision":1,"saved_at":1,"data":{}}"#),
            ImportError::NotRungs(_)
        ));
        assert_eq!(
            refused(r#"{"version":11,"revision":1,"saved_at":1,"data":{}}"#),
            ImportError::TooNew { version: 11 }
        );
        let wrong_type =
            refused(r#"{"version":4,"revision":1,"saved_at":1,"data":{"plan":{"goals":"many"}}}"#);
        assert!(
            matches!(&wrong_type, ImportError::BadData(detail) if detail.contains("invalid type")),
            "{wrong_type:?}"
        );
        // Every part is read before the file is taken, the log too.
        let bad_log = refused(
            r#"{"version":8,"revision":1,"saved_at":1,"data":{"evidence":{"entries":[{"id":"e1","date":"2026-01-01","title":"x","kind":"heroics"}]}}}"#,
        );
        assert!(
            matches!(&bad_log, ImportError::BadData(detail) if detail.starts_with("the evidence:")),
            "{bad_log:?}"
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(refused(&deep), ImportError::TooDeep);
        let duplicate = r#"{"version":4,"revision":1,"saved_at":1,"data":{"plan":{"goals":[{"id":"g"},{"id":"g"}]}}}"#;
        assert_eq!(
            refused(duplicate),
            ImportError::Duplicate {
                list: "goals".into(),
                id: "g".into()
            }
        );
        let long = format!(
            r#"{{"version":4,"revision":1,"saved_at":1,"data":{{"plan":{{"goals":[{{"id":"g","outcome":"{}"}}]}}}}}}"#,
            "x".repeat(MAX_TEXT + 1)
        );
        assert!(matches!(refused(&long), ImportError::TooLong { .. }));
        for error in [
            ImportError::TooLarge { bytes: 52_428_800 },
            ImportError::TooDeep,
        ] {
            assert!(error.to_string().ends_with('.'));
        }
        assert_eq!(
            check_size(50 * 1024 * 1024),
            Err(ImportError::TooLarge { bytes: 52_428_800 })
        );
        assert!(ImportError::TooLarge { bytes: 52_428_800 }
            .to_string()
            .contains("52.4 MB"));
    }

    #[test]
    fn an_older_file_is_brought_up_to_date() {
        let incoming = read(
            r#"{"version":1,"revision":1,"saved_at":5,"data":{"preferences":{"theme":"dark"}}}"#,
        )
        .unwrap();
        assert_eq!(incoming.migrated_from, Some(1));
        assert_eq!(incoming.document.preferences.theme, Theme::Dark);
        assert_eq!(incoming.made_at, 5);
    }

    #[test]
    fn merging_by_id_keeps_both_sides_and_takes_the_files_version() {
        let here = with_goals(&["g1", "g2"]);
        let mut file = with_goals(&["g2", "g3"]);
        let mut g2 = (**file.plan.goal("g2").unwrap()).clone();
        g2.outcome = "Changed in the file".into();
        file.apply(PlanEdit::SaveGoal(g2));
        let (merged, replaced) = merge_into(&here, &file).unwrap();
        let outcomes: Vec<_> = merged
            .plan
            .goals
            .iter()
            .map(|g| g.outcome.as_str())
            .collect();
        assert_eq!(outcomes, ["Goal g1", "Changed in the file", "Goal g3"]);
        assert_eq!(replaced.len(), 1);
        assert_eq!(replaced[0].item, "Goal “Goal g2”");
    }

    #[test]
    fn a_copy_is_due_when_never_downloaded_or_over_thirty_days_ago() {
        const DAY: Millis = 24 * 60 * 60 * 1000;
        assert!(backup_due(None, 100 * DAY));
        assert!(!backup_due(Some(70 * DAY), 100 * DAY));
        assert!(backup_due(Some(69 * DAY), 100 * DAY));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(12), "12 bytes");
        assert_eq!(size_label(840_100), "841 KB");
        assert_eq!(size_label(1_250_000), "1.2 MB");
        assert_eq!(size_label(10_737_418_240), "10.7 GB");
    }
}
