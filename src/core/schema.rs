//! The stored document: its shape, its version, the envelope it is stored
//! in, and the migrations from every version that ever shipped.
//!
//! On disk (one key per namespace):
//!
//! ```json
//! {"version": 1, "revision": 7, "saved_at": 1795241100000, "data": {…}}
//! ```
//!
//! - `version` is the shape of `data`. Any change to that shape, even a new
//!   field, raises [`CURRENT_VERSION`] and adds a step to [`MIGRATIONS`], so
//!   that an older build meets newer data as "too new" and leaves it alone
//!   instead of dropping the fields it does not know.
//! - `revision` counts the saves of this document.
//! - `saved_at` is the time of the save, in Unix milliseconds.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

use super::assessment::Assessment;
use super::evidence::Log;
use super::ladder::Ladders;
use super::part::{Part, Stored};
use super::plan::Plan;
use super::replace;
use super::talk::Prep;
use super::time::Millis;
use super::vocabulary::Vocabulary;

/// The version this build reads and writes.
pub const CURRENT_VERSION: u32 = 10;

/// One migration step: `MIGRATIONS[i]` turns the `data` of version `i + 1`
/// (JSON text) into the `data` of version `i + 2`. Steps work on text so that
/// the current format decodes straight into typed structs: a generic JSON
/// tree costs wasm size, and only a step that needs one should bring it.
pub type Migration = fn(&str) -> Result<String, String>;
pub const MIGRATIONS: &[Migration] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9, v9_to_v10,
];

/// Version 2 added the self-assessment. Version 1 data is a version 2
/// document with no assessment yet, so its text carries over unchanged.
fn v1_to_v2(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 3 added the vocabulary: the user's own glossary terms and how
/// well they know each term. Version 2 data is a version 3 document with an
/// empty vocabulary, so its text carries over unchanged.
fn v2_to_v3(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 4 added the development plan. Version 3 data is a version 4
/// document with an empty plan, so its text carries over unchanged.
fn v3_to_v4(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 5 lets a readiness snapshot carry a label. Version 4 snapshots
/// have none, so the text carries over unchanged.
fn v4_to_v5(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 6 lets a criterion be marked as not applying to the user's
/// role. Version 5 ratings all apply, so the text carries over unchanged.
fn v5_to_v6(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 7 adds the ladders: rubrics the user imported or edited, and
/// the grades each keeps while another is in use. Version 6 data is a
/// version 7 document that uses the default rubric, so its text carries
/// over unchanged.
fn v6_to_v7(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 8 adds the accomplishment log. Version 7 data is a version 8
/// document with an empty log, so its text carries over unchanged: the
/// evidence written beside a grade stays where it is and keeps counting
/// towards readiness.
fn v7_to_v8(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 9 adds the conversation prep. Version 8 data is a version 9
/// document with nothing prepared yet, so its text carries over unchanged.
fn v8_to_v9(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Version 10 keeps, in the assessment, the requests for grades the user
/// made and the grades reviewers sent back. Version 9 data is a version 10
/// document with neither, so its text carries over unchanged.
fn v9_to_v10(data: &str) -> Result<String, String> {
    Ok(data.to_owned())
}

/// Everything the user keeps in Rungs. Each part but the preferences is
/// decoded only when something reads it (see [`Part`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Document {
    pub preferences: Preferences,
    pub assessment: Part<Assessment>,
    pub vocabulary: Part<Vocabulary>,
    pub plan: Part<Plan>,
    pub ladders: Part<Ladders>,
    pub evidence: Part<Log>,
    pub talk: Part<Prep>,
}

/// How the user likes the app. Read by hand, with the rules serde's
/// `default` and `deny_unknown_fields` would give it: every start reads it,
/// and the derived reader costs the first load more than this one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Preferences {
    pub theme: Theme,
}

impl<'de> Deserialize<'de> for Preferences {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Preferences, D::Error> {
        deserializer.deserialize_map(PreferencesReader)
    }
}

struct PreferencesReader;

impl<'de> serde::de::Visitor<'de> for PreferencesReader {
    type Value = Preferences;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("struct Preferences")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Preferences, A::Error> {
        use serde::de::Error;
        let mut theme = None;
        while let Some(key) = map.next_key::<Cow<str>>()? {
            match &*key {
                "theme" if theme.is_some() => return Err(A::Error::duplicate_field("theme")),
                "theme" => theme = Some(map.next_value()?),
                other => return Err(A::Error::unknown_field(other, &["theme"])),
            }
        }
        Ok(Preferences {
            theme: theme.unwrap_or_default(),
        })
    }
}

/// Light or dark colours; `System` follows the operating system. Stored
/// as its [`id`](Theme::id).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Match my system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.id() == id)
    }
}

/// Read from its id alone: serde's derived reader of an enum takes other
/// shapes too, which Rungs never writes, and costs the first load 1 KB.
impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Theme, D::Error> {
        const IDS: &[&str] = &["system", "light", "dark"];
        let id = String::deserialize(deserializer)?;
        Theme::from_id(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, IDS))
    }
}

/// An intent to change the document. Each part's edits are changes, and
/// each applies itself: the UI's reducer applies a change without knowing
/// which part it touches, so the code that edits a part is compiled only
/// where such a change is made.
pub trait Change: fmt::Debug {
    /// Applies the change. Returns its inverse, the change that puts back
    /// what this one replaced; `None` when nothing changed.
    fn apply_to(&self, document: &mut Document) -> Option<Restore>;

    /// What to call the change when it is offered back, named from the
    /// document before it: for a change that takes away what the user
    /// wrote ("Deleted the goal “Ship search”."), or adds what nothing else
    /// takes away (a snapshot). `None` for the rest, which the user takes
    /// back by editing again.
    fn undo_label(&self, _before: &Document) -> Option<String> {
        None
    }
}

/// What a change replaced: applying it puts that back. Every change's
/// inverse is one of these, so undo is one mechanism, whatever the change.
///
/// A part is shared, not copied, so keeping one costs a reference count.
/// It is the exact inverse for as long as nothing else changed that part
/// since, which is why undo is offered only until the next change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restore {
    Preferences(Preferences),
    Assessment(Part<Assessment>),
    Vocabulary(Part<Vocabulary>),
    Plan(Part<Plan>),
    Ladders(Part<Ladders>),
    Evidence(Part<Log>),
    Talk(Part<Prep>),
    Document(Box<Document>),
}

impl Change for Restore {
    /// Swaps the kept value back in; the inverse is what it replaced (so
    /// undoing twice redoes).
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        fn swap<T: PartialEq + Clone>(slot: &mut T, value: &T) -> Option<T> {
            (slot != value).then(|| std::mem::replace(slot, value.clone()))
        }
        match self {
            Restore::Preferences(value) => {
                swap(&mut document.preferences, value).map(Restore::Preferences)
            }
            Restore::Assessment(part) => {
                swap(&mut document.assessment, part).map(Restore::Assessment)
            }
            Restore::Vocabulary(part) => {
                swap(&mut document.vocabulary, part).map(Restore::Vocabulary)
            }
            Restore::Plan(part) => swap(&mut document.plan, part).map(Restore::Plan),
            Restore::Ladders(part) => swap(&mut document.ladders, part).map(Restore::Ladders),
            Restore::Evidence(part) => swap(&mut document.evidence, part).map(Restore::Evidence),
            Restore::Talk(part) => swap(&mut document.talk, part).map(Restore::Talk),
            Restore::Document(whole) => {
                swap(document, whole).map(|previous| Restore::Document(Box::new(previous)))
            }
        }
    }
}

/// Choose the colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetTheme(pub Theme);

impl Change for SetTheme {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        let before = document.preferences.clone();
        replace(&mut document.preferences.theme, self.0).then_some(Restore::Preferences(before))
    }
}

/// Replace the whole document: an import, a restore or a reset, offered
/// back as `label` says ("Imported …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replace {
    pub document: Document,
    pub label: String,
}

impl Change for Replace {
    fn apply_to(&self, document: &mut Document) -> Option<Restore> {
        Restore::Document(Box::new(self.document.clone())).apply_to(document)
    }

    fn undo_label(&self, _before: &Document) -> Option<String> {
        Some(self.label.clone())
    }
}

impl Document {
    /// Applies `change`; returns its inverse, or `None` when nothing
    /// changed (see [`Change::apply_to`]).
    pub fn apply(&mut self, change: impl Change) -> Option<Restore> {
        change.apply_to(self)
    }

    /// The `data` part of the envelope. Parts keep their stored text, and
    /// default parts are left out. Written into one string of the length it
    /// needs: a year of data is hundreds of kilobytes.
    pub fn to_json(&self) -> String {
        let Ok(preferences) = serde_json::to_string(&self.preferences) else {
            unreachable!("the preferences always encode");
        };
        const OPEN: &str = r#"{"preferences":"#;
        // Each part is `,"<name>":<part>`; then the closing brace.
        let mut length = OPEN.len() + preferences.len() + 1;
        for (name, part) in self.parts() {
            length += part.json().map_or(0, |part| name.len() + part.len() + 4);
        }
        let mut json = String::with_capacity(length);
        json.push_str(OPEN);
        json.push_str(&preferences);
        for (name, part) in self.parts() {
            if let Some(part) = part.json() {
                json.push_str(",\"");
                json.push_str(name);
                json.push_str("\":");
                json.push_str(&part);
            }
        }
        json.push('}');
        json
    }

    /// Each part, by the name it is stored under, in the order they are
    /// stored: the one list of them that saving and checking both use.
    fn parts(&self) -> [(&'static str, &dyn Stored); 6] {
        [
            ("assessment", &self.assessment),
            ("vocabulary", &self.vocabulary),
            ("plan", &self.plan),
            ("ladders", &self.ladders),
            ("evidence", &self.evidence),
            ("talk", &self.talk),
        ]
    }

    /// A document from its JSON (the `data` of the envelope), already in
    /// this build's format. Its parts are decoded when first read.
    pub fn from_json(data: &str) -> Result<Document, String> {
        serde_json::from_str(data).map_err(|error| error.to_string())
    }

    /// Decodes every part now and says which could not be read (see
    /// [`Document::unreadable_parts`]): for a document that must prove it
    /// is whole before it is used, such as an import. It brings every
    /// part's decoder with it, so the shell never calls it.
    pub fn read_every_part(&self) -> Vec<ReadError> {
        let _ = (
            self.assessment.value(),
            self.vocabulary.value(),
            self.plan.value(),
            self.ladders.value(),
            self.evidence.value(),
            self.talk.value(),
        );
        self.unreadable_parts()
    }

    /// The parts that were read and could not be decoded, each with why.
    pub fn unreadable_parts(&self) -> Vec<ReadError> {
        self.parts()
            .into_iter()
            .filter_map(|(name, part)| {
                Some(ReadError::BadData {
                    version: CURRENT_VERSION,
                    detail: format!("the {name}: {}", part.problem()?),
                })
            })
            .collect()
    }
}

/// A stored document, read and brought up to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub document: Document,
    pub revision: u64,
    pub saved_at: Millis,
    /// The version it was stored as, when older than this build's.
    pub migrated_from: Option<u32>,
}

/// Why stored text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all (truncated, edited by hand, another app's data).
    NotJson(String),
    /// JSON, but not a Rungs envelope.
    NotAnEnvelope(String),
    /// Written by a newer version of Rungs than this one.
    TooNew { version: u32 },
    /// An envelope whose data does not fit its version.
    BadData { version: u32, detail: String },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotJson(detail) => write!(f, "it is not valid JSON ({detail})"),
            ReadError::NotAnEnvelope(detail) => {
                write!(f, "it is not in the format Rungs saves ({detail})")
            }
            ReadError::TooNew { version } => write!(
                f,
                "a newer version of Rungs saved it (format {version}; this copy reads up to {CURRENT_VERSION})"
            ),
            ReadError::BadData { version, detail } => {
                write!(f, "its contents do not fit format {version} ({detail})")
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnvelope<'a> {
    version: u32,
    revision: u64,
    saved_at: Millis,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// Reads a stored envelope and migrates it to [`CURRENT_VERSION`].
pub fn decode(text: &str) -> Result<Decoded, ReadError> {
    let raw: RawEnvelope = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ReadError::NotJson(e.to_string())
        } else {
            ReadError::NotAnEnvelope(e.to_string())
        }
    })?;
    let document = decode_data(raw.version, raw.data.get())?;
    Ok(Decoded {
        document,
        revision: raw.revision,
        saved_at: raw.saved_at,
        migrated_from: (raw.version < CURRENT_VERSION).then_some(raw.version),
    })
}

/// The document in `data`, stored as `version`, brought up to date.
pub fn decode_data(version: u32, data: &str) -> Result<Document, ReadError> {
    let data = migrate(version, data, MIGRATIONS)?;
    serde_json::from_str(&data).map_err(|e| ReadError::BadData {
        version,
        detail: e.to_string(),
    })
}

/// Runs `data`, stored as `version`, through `steps` up to the last version
/// they reach (`steps.len() + 1`).
pub fn migrate<'a>(
    version: u32,
    data: &'a str,
    steps: &[Migration],
) -> Result<Cow<'a, str>, ReadError> {
    let latest = steps.len() as u32 + 1;
    if version == 0 {
        return Err(ReadError::NotAnEnvelope("version 0 never existed".into()));
    }
    if version > latest {
        return Err(ReadError::TooNew { version });
    }
    let mut data = Cow::Borrowed(data);
    for (from, step) in (version..latest).zip(&steps[version as usize - 1..]) {
        data = Cow::Owned(step(&data).map_err(|detail| ReadError::BadData {
            version: from,
            detail: format!("could not upgrade it: {detail}"),
        })?);
    }
    Ok(data)
}

/// The envelope around `data_json` (the output of [`Document::to_json`]),
/// in one string of the length it needs.
pub fn encode(data_json: &str, revision: u64, saved_at: Millis) -> String {
    let head = format!(
        r#"{{"version":{CURRENT_VERSION},"revision":{revision},"saved_at":{saved_at},"data":"#
    );
    let mut text = String::with_capacity(head.len() + data_json.len() + 1);
    text.push_str(&head);
    text.push_str(data_json);
    text.push('}');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_envelope() {
        let mut document = Document::default();
        assert!(document.apply(SetTheme(Theme::Dark)).is_some());
        let text = encode(&document.to_json(), 3, 42);
        let decoded = decode(&text).unwrap();
        assert_eq!(decoded.document, document);
        assert_eq!((decoded.revision, decoded.saved_at), (3, 42));
        assert_eq!(decoded.migrated_from, None);
    }

    #[test]
    fn the_text_is_written_in_one_string_of_its_length() {
        let data = r#"{"preferences":{"theme":"dark"},"plan":{"target":"2027-06-01"},"talk":{}}"#;
        let document = Document::from_json(data).unwrap();
        let json = document.to_json();
        assert_eq!(json, data);
        assert_eq!(json.capacity(), json.len(), "nothing grew or was left over");
        let text = encode(&json, 12, 1_795_241_100_000);
        assert_eq!(text.capacity(), text.len());
        assert_eq!(decode(&text).unwrap().document, document);
        let empty = Document::default().to_json();
        assert_eq!(empty, r#"{"preferences":{"theme":"system"}}"#);
        assert_eq!(empty.capacity(), empty.len());
    }

    #[test]
    fn a_theme_is_read_from_its_id_and_only_that() {
        for theme in Theme::ALL {
            let json = serde_json::to_string(&theme).unwrap();
            assert_eq!(json, format!("\"{}\"", theme.id()));
            assert_eq!(serde_json::from_str::<Theme>(&json).unwrap(), theme);
        }
        // Escaped, it is the same text.
        assert_eq!(
            serde_json::from_str::<Theme>(r#""d\u0061rk""#).unwrap(),
            Theme::Dark
        );
        let wrong = serde_json::from_str::<Theme>(r#""blue""#)
            .unwrap_err()
            .to_string();
        assert!(
            wrong.contains("unknown variant `blue`, expected one of `system`, `light`, `dark`"),
            "{wrong}"
        );
        assert!(serde_json::from_str::<Theme>(r#"{"dark":null}"#).is_err());
        assert!(serde_json::from_str::<Theme>("2").is_err());
    }

    #[test]
    fn preferences_are_read_as_serde_would_read_them() {
        let read =
            |text: &str| serde_json::from_str::<Preferences>(text).map_err(|e| e.to_string());
        assert_eq!(read("{}").unwrap(), Preferences::default());
        assert_eq!(read(r#"{"theme":"dark"}"#).unwrap().theme, Theme::Dark);
        assert_eq!(
            read(r#"{"th\u0065me":"light"}"#).unwrap().theme,
            Theme::Light
        );
        let unknown = read(r#"{"theme":"dark","font":"big"}"#).unwrap_err();
        assert!(
            unknown.starts_with("unknown field `font`, expected `theme`"),
            "{unknown}"
        );
        let twice = read(r#"{"theme":"dark","theme":"light"}"#).unwrap_err();
        assert!(twice.starts_with("duplicate field `theme`"), "{twice}");
        assert!(read(r#"{"theme":"blue"}"#).is_err());
        assert!(read("[]").is_err());
        assert!(read("null").is_err());
        let text = serde_json::to_string(&Preferences { theme: Theme::Dark }).unwrap();
        assert_eq!(text, r#"{"theme":"dark"}"#);
    }

    #[test]
    fn applying_the_same_value_is_no_change() {
        let mut document = Document::default();
        assert!(document.apply(SetTheme(Theme::System)).is_none());
        assert!(document.apply(SetTheme(Theme::Light)).is_some());
        assert!(document.apply(SetTheme(Theme::Light)).is_none());
    }

    #[test]
    fn says_why_text_cannot_be_read() {
        assert!(matches!(
            decode("{\"version\":1,"),
            Err(ReadError::NotJson(_))
        ));
        assert!(matches!(decode("[1,2]"), Err(ReadError::NotAnEnvelope(_))));
        assert!(matches!(
            decode(r#"{"version":0,"revision":1,"saved_at":1,"data":{}}"#),
            Err(ReadError::NotAnEnvelope(_))
        ));
        assert_eq!(
            decode(r#"{"version":11,"revision":1,"saved_at":1,"data":{}}"#),
            Err(ReadError::TooNew { version: 11 })
        );
        let bad = decode(
            r#"{"version":1,"revision":1,"saved_at":1,"data":{"preferences":{"theme":"plaid"}}}"#,
        );
        assert!(
            matches!(bad, Err(ReadError::BadData { version: 1, .. })),
            "{bad:?}"
        );
    }

    #[test]
    fn unknown_fields_are_not_silently_dropped() {
        let text = r#"{"version":1,"revision":1,"saved_at":1,"data":{"goals":[1]}}"#;
        assert!(matches!(decode(text), Err(ReadError::BadData { .. })));
    }

    #[test]
    fn every_error_reads_as_plain_words() {
        let error = ReadError::TooNew { version: 11 };
        assert_eq!(
            error.to_string(),
            "a newer version of Rungs saved it (format 11; this copy reads up to 10)"
        );
    }

    use serde_json::{json, Value};

    fn parse(data: &str) -> Result<Value, String> {
        serde_json::from_str(data).map_err(|e| e.to_string())
    }

    fn add_field(data: &str) -> Result<String, String> {
        let mut data = parse(data)?;
        data["added"] = Value::Bool(true);
        Ok(data.to_string())
    }

    fn rename_field(data: &str) -> Result<String, String> {
        let mut data = parse(data)?;
        let object = data.as_object_mut().ok_or("not an object")?;
        let added = object.remove("added").ok_or("no field to rename")?;
        object.insert("renamed".into(), added);
        Ok(data.to_string())
    }

    fn migrated(version: u32, data: Value, steps: &[Migration]) -> Result<Value, ReadError> {
        migrate(version, &data.to_string(), steps).map(|text| parse(&text).unwrap())
    }

    #[test]
    fn runs_every_step_from_the_stored_version() {
        let steps: &[Migration] = &[add_field, rename_field];
        let from_v1 = migrated(1, json!({}), steps).unwrap();
        assert_eq!(from_v1, json!({"renamed": true}));
        let from_v2 = migrated(2, json!({"added": 1}), steps).unwrap();
        assert_eq!(from_v2, json!({"renamed": 1}));
        let at_v3 = migrated(3, json!({"x": 1}), steps).unwrap();
        assert_eq!(at_v3, json!({"x": 1}));
        assert_eq!(
            migrated(4, json!({}), steps),
            Err(ReadError::TooNew { version: 4 })
        );
    }

    #[test]
    fn the_current_version_is_not_rewritten() {
        assert!(matches!(
            migrate(CURRENT_VERSION, "{}", MIGRATIONS),
            Ok(Cow::Borrowed("{}"))
        ));
    }

    #[test]
    fn a_failing_step_names_the_version_it_started_from() {
        let steps: &[Migration] = &[add_field, rename_field];
        let failed = migrated(2, json!([]), steps);
        assert!(
            matches!(&failed, Err(ReadError::BadData { version: 2, detail }) if detail.contains("not an object")),
            "{failed:?}"
        );
    }
}
