//! Combining two versions of the document item by item.
//!
//! Two tabs that changed different things keep both changes: a three-way
//! merge compares each side with the version both started from (the base),
//! takes whichever side changed each value, and asks only where both
//! changed the same value differently. Lists whose entries carry a stable id
//! (goals, milestones, check-ins, terms…) are merged entry by entry; maps
//! keyed by id (grades by criterion, familiarity by term) key by key.
//!
//! The same merge imports a file "by stable id": with no base, whatever only
//! one side holds is kept, and each value both hold differently is a
//! [`Conflict`] the import settles in the file's favour.
//!
//! It works on the document's JSON, so that it knows no part's types: the
//! shell runs it on data it never decodes, and it is fetched only when a
//! merge is needed (see `ui::merge`).

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// One step from the document's root to a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A field of an object, or an entry of a map.
    Key(String),
    /// The entry of a list with this identity (see [`identity`]).
    Item(String),
}

/// A value both sides changed, each their own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub path: Vec<Step>,
    /// What it belongs to, for a person: "Goal “Ship search”".
    pub item: String,
    /// Which of its values: "Outcome".
    pub field: String,
    /// Each side's value, as a person reads it.
    pub mine: String,
    pub theirs: String,
    /// The other side's value, to put in place if the user prefers it;
    /// `None` where the other side deleted it.
    theirs_value: Option<String>,
}

/// Which side a conflict is settled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// A conflict settled: the value's path, and the side chosen.
pub type Choice = (Vec<Step>, Side);

/// Both sides combined. Where they conflict it holds this side's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The document's JSON (the `data` of the envelope).
    pub data: String,
    pub conflicts: Vec<Conflict>,
}

/// The merge's functions, handed over as pointers: code that only holds
/// them (the storage layer) does not link the merge, which the app fetches
/// when it is first needed (`ui::merge`).
#[derive(Clone, Copy)]
pub struct Code {
    pub merge: fn(Option<&str>, &str, &str) -> Result<Merged, String>,
    pub settle: fn(&Merged, &[Choice]) -> Result<String, String>,
}

impl Code {
    pub fn new() -> Code {
        Code { merge, settle }
    }
}

impl Default for Code {
    fn default() -> Code {
        Code::new()
    }
}

/// Combines `mine` and `theirs`, both changed from `base` (`None` when they
/// share no history, as for an import). Each argument is a document's JSON.
pub fn merge(base: Option<&str>, mine: &str, theirs: &str) -> Result<Merged, String> {
    let base = base.map(parse).transpose()?;
    let (mine, theirs) = (parse(mine)?, parse(theirs)?);
    let mut run = Run {
        roots: [&mine, &theirs],
        path: Vec::new(),
        conflicts: Vec::new(),
    };
    let merged = run
        .merge(base.as_ref(), Some(&mine), Some(&theirs))
        .unwrap_or_else(|| Value::Object(Map::new()));
    Ok(Merged {
        data: merged.to_string(),
        conflicts: run.conflicts,
    })
}

/// `merged` with each conflict settled for the side chosen for it; a
/// conflict missing from `choices` keeps this side's value.
pub fn settle(merged: &Merged, choices: &[Choice]) -> Result<String, String> {
    let mut root = parse(&merged.data)?;
    for conflict in &merged.conflicts {
        let chosen = choices
            .iter()
            .find(|(path, _)| *path == conflict.path)
            .map(|(_, side)| *side);
        if chosen == Some(Side::Theirs) {
            let value = conflict.theirs_value.as_deref().map(parse).transpose()?;
            put(&mut root, &conflict.path, value)?;
        }
    }
    Ok(root.to_string())
}

/// `merged` with every conflict settled for the other side: an import by id
/// takes the file's version of whatever both hold.
pub fn settle_for_theirs(merged: &Merged) -> Result<String, String> {
    let choices: Vec<_> = merged
        .conflicts
        .iter()
        .map(|conflict| (conflict.path.clone(), Side::Theirs))
        .collect();
    settle(merged, &choices)
}

fn parse(json: &str) -> Result<Value, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

/// One merge under way: both sides' documents, where it is in them, and
/// the conflicts found so far.
struct Run<'a> {
    roots: [&'a Value; 2],
    path: Vec<Step>,
    conflicts: Vec<Conflict>,
}

impl Run<'_> {
    fn merge(
        &mut self,
        base: Option<&Value>,
        mine: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if mine == theirs || base == theirs {
            return mine.cloned();
        }
        if base == mine {
            return theirs.cloned();
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) => {
                let base = base.and_then(Value::as_object);
                let mut merged = Map::new();
                for key in m.keys().chain(t.keys().filter(|key| !m.contains_key(*key))) {
                    self.path.push(Step::Key(key.clone()));
                    let value = self.merge(base.and_then(|b| b.get(key)), m.get(key), t.get(key));
                    self.path.pop();
                    if let Some(value) = value {
                        merged.insert(key.clone(), value);
                    }
                }
                Some(Value::Object(merged))
            }
            (Some(Value::Array(m)), Some(Value::Array(t)))
                if keyed(m)
                    && keyed(t)
                    && base.is_none_or(|b| b.as_array().is_some_and(|b| keyed(b))) =>
            {
                let base = base.and_then(Value::as_array).map(Vec::as_slice);
                // This side's order, then what only the other side or the
                // base holds.
                let mut ids: Vec<String> = m.iter().filter_map(identity).collect();
                for id in t
                    .iter()
                    .chain(base.unwrap_or_default())
                    .filter_map(identity)
                {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let mut merged = Vec::new();
                for id in ids {
                    self.path.push(Step::Item(id.clone()));
                    let value =
                        self.merge(base.and_then(|b| find(b, &id)), find(m, &id), find(t, &id));
                    self.path.pop();
                    merged.extend(value);
                }
                Some(Value::Array(merged))
            }
            _ => {
                let (item, field) = self.describe();
                self.conflicts.push(Conflict {
                    path: self.path.clone(),
                    item,
                    field,
                    mine: shown(mine),
                    theirs: shown(theirs),
                    theirs_value: theirs.map(Value::to_string),
                });
                mine.cloned()
            }
        }
    }

    /// What the value at the current path belongs to, and which of its
    /// values it is.
    fn describe(&self) -> (String, String) {
        let path = &self.path;
        // The innermost entry of a list or map the document names its
        // entries in names the item; what follows it is the field.
        let entry = (1..path.len()).rev().find_map(|i| {
            let Step::Key(list) = &path[i - 1] else {
                return None;
            };
            let (_, word, name_field) = ENTRIES.iter().find(|(key, ..)| key == list)?;
            Some((i, *word, *name_field))
        });
        let words = |steps: &[Step]| steps.iter().map(step_words).collect::<Vec<_>>().join(" › ");
        let Some((at, word, name_field)) = entry else {
            return ("Your data".into(), words(path));
        };
        let (Step::Key(id) | Step::Item(id)) = &path[at];
        let name = self
            .roots
            .iter()
            .filter_map(|root| value_at(root, &path[..=at])?.get(name_field)?.as_str())
            .find(|name| !name.trim().is_empty())
            .unwrap_or(id);
        let rest = &path[at + 1..];
        let field = if rest.is_empty() {
            "The whole entry".into()
        } else {
            words(rest)
        };
        (format!("{word} “{name}”"), field)
    }
}

fn find<'v>(list: &'v [Value], id: &str) -> Option<&'v Value> {
    list.iter()
        .find(|item| identity(item).as_deref() == Some(id))
}

/// The value at `path`, if there is one.
fn value_at<'v>(root: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(root, |here, step| match (step, here) {
        (Step::Key(key), Value::Object(object)) => object.get(key),
        (Step::Item(id), Value::Array(list)) => find(list, id),
        _ => None,
    })
}

/// The fields that identify an entry of a list, in the order they are
/// tried: most entries have an `id`; a week is known by its `start` and a
/// snapshot by when it was taken.
const IDENTITIES: [&str; 3] = ["id", "start", "at"];

/// An entry's identity, when it has one.
fn identity(item: &Value) -> Option<String> {
    let object = item.as_object()?;
    IDENTITIES
        .iter()
        .find_map(|field| match object.get(*field)? {
            Value::String(id) => Some(id.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

/// Whether every entry of `list` has an identity, each a different one.
fn keyed(list: &[Value]) -> bool {
    let ids: Vec<_> = list.iter().map(identity).collect();
    ids.iter().enumerate().all(|(i, id)| {
        id.as_ref()
            .is_some_and(|id| !ids[..i].iter().any(|other| other.as_ref() == Some(id)))
    })
}

/// Sets (or with `None`, removes) the value at `path`.
fn put(root: &mut Value, path: &[Step], value: Option<Value>) -> Result<(), String> {
    let Some((last, parents)) = path.split_last() else {
        *root = value.unwrap_or_else(|| Value::Object(Map::new()));
        return Ok(());
    };
    let mut here = root;
    for step in parents {
        here = child(here, step).ok_or("the document changed shape")?;
    }
    match (last, here) {
        (Step::Key(key), Value::Object(object)) => {
            match value {
                Some(value) => object.insert(key.clone(), value),
                None => object.remove(key),
            };
        }
        (Step::Item(id), Value::Array(list)) => {
            let at = list
                .iter()
                .position(|item| identity(item).as_deref() == Some(id.as_str()));
            match (at, value) {
                (Some(at), Some(value)) => list[at] = value,
                (Some(at), None) => drop(list.remove(at)),
                (None, Some(value)) => list.push(value),
                (None, None) => {}
            }
        }
        _ => return Err("the document changed shape".into()),
    }
    Ok(())
}

fn child<'v>(value: &'v mut Value, step: &Step) -> Option<&'v mut Value> {
    match (step, value) {
        (Step::Key(key), Value::Object(object)) => object.get_mut(key),
        (Step::Item(id), Value::Array(list)) => list
            .iter_mut()
            .find(|item| identity(item).as_deref() == Some(id.as_str())),
        _ => None,
    }
}

/// How lists and maps of the document name their entries: the key the list
/// is stored under, the word for one entry, and the field that names it.
const ENTRIES: [(&str, &str, &str); 16] = [
    ("goals", "Goal", "outcome"),
    ("milestones", "Milestone", "title"),
    ("checkins", "Check-in", "date"),
    ("followups", "Follow-up", "text"),
    ("weeks", "Week of", "start"),
    ("items", "Weekly goal", "text"),
    ("terms", "Term", "name"),
    ("snapshots", "Snapshot", "at"),
    ("ratings", "Grades for criterion", ""),
    ("familiarity", "Familiarity with", ""),
    ("entries", "Accomplishment", "title"),
    ("ticked", "Checklist item", ""),
    ("lines", "Your own line", ""),
    ("answers", "Your answer to question", ""),
    ("asked", "Request for grades", "id"),
    ("reviews", "Grades sent back for request", "id"),
];

/// Field names that read better as other words.
const FIELDS: [(&str, &str); 7] = [
    ("mine", "Your grade"),
    ("not_applicable", "Does not apply to your role"),
    ("manager", "Manager’s grade"),
    ("peer", "Peer’s grade"),
    ("due", "Due date"),
    ("done", "Done on"),
    ("agreed", "What was agreed"),
];

fn step_words(step: &Step) -> String {
    match step {
        Step::Key(key) if FIELDS.iter().any(|(name, _)| name == key) => {
            let (_, words) = FIELDS
                .iter()
                .find(|(name, _)| name == key)
                .expect("checked");
            (*words).to_owned()
        }
        Step::Key(key) => {
            let mut words = key.replace('_', " ");
            if let Some(first) = words.get(..1) {
                let upper = first.to_uppercase();
                words.replace_range(..1, &upper);
            }
            words
        }
        Step::Item(id) => format!("“{id}”"),
    }
}

/// A value as a person reads it, cut short when long.
fn shown(value: Option<&Value>) -> String {
    const LONGEST: usize = 200;
    let text = match value {
        None => return "Deleted".into(),
        Some(Value::Null) => return "Empty".into(),
        Some(Value::String(text)) if text.is_empty() => return "Empty".into(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(list)) if list.iter().all(Value::is_string) => {
            let mut text = String::new();
            for (i, item) in list.iter().filter_map(Value::as_str).enumerate() {
                let _ = write!(text, "{}{item}", if i == 0 { "" } else { ", " });
            }
            if text.is_empty() {
                return "Empty".into();
            }
            text
        }
        Some(other) => other.to_string(),
    };
    match text.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merged(base: Option<Value>, mine: Value, theirs: Value) -> (Value, Vec<Conflict>) {
        let base = base.map(|b| b.to_string());
        let merged = merge(base.as_deref(), &mine.to_string(), &theirs.to_string()).unwrap();
        (parse(&merged.data).unwrap(), merged.conflicts)
    }

    fn goal(id: &str, outcome: &str, metric: &str) -> Value {
        json!({"id": id, "outcome": outcome, "metric": metric})
    }

    #[test]
    fn each_side_keeps_what_only_it_changed() {
        let base = json!({"plan": {"goals": [goal("g1", "Ship", "")]}});
        let mine = json!({"plan": {"goals": [goal("g1", "Ship search", "")]}});
        let theirs = json!({"plan": {"goals": [goal("g1", "Ship", "p95 latency")]}});
        let (merged, conflicts) = merged(Some(base), mine, theirs);
        assert_eq!(conflicts, []);
        assert_eq!(
            merged,
            json!({"plan": {"goals": [goal("g1", "Ship search", "p95 latency")]}})
        );
    }

    #[test]
    fn entries_added_on_both_sides_are_all_kept_and_deletions_stand() {
        let base = json!({"terms": [{"id": "a"}, {"id": "b"}]});
        let mine = json!({"terms": [{"id": "a"}, {"id": "b"}, {"id": "c"}]});
        let theirs = json!({"terms": [{"id": "b"}, {"id": "d"}]});
        let (merged, conflicts) = merged(Some(base), mine, theirs);
        assert_eq!(conflicts, []);
        assert_eq!(
            merged,
            json!({"terms": [{"id": "b"}, {"id": "c"}, {"id": "d"}]})
        );
    }

    #[test]
    fn the_same_value_changed_both_ways_is_a_conflict_named_for_a_person() {
        let base = json!({"plan": {"goals": [goal("g1", "Ship", "")]}});
        let mine = json!({"plan": {"goals": [goal("g1", "Ship search", "")]}});
        let theirs = json!({"plan": {"goals": [goal("g1", "Ship the API", "")]}});
        let (merged, conflicts) = merged(Some(base), mine.clone(), theirs);
        assert_eq!(merged, mine, "holds this side's value until settled");
        assert_eq!(conflicts.len(), 1);
        let conflict = &conflicts[0];
        assert_eq!(conflict.item, "Goal “Ship search”");
        assert_eq!(conflict.field, "Outcome");
        assert_eq!(
            (conflict.mine.as_str(), conflict.theirs.as_str()),
            ("Ship search", "Ship the API")
        );
    }

    #[test]
    fn a_deleted_entry_changed_on_the_other_side_is_a_conflict() {
        let base = json!({"plan": {"goals": [goal("g1", "Ship", "")]}});
        let mine = json!({"plan": {"goals": []}});
        let theirs = json!({"plan": {"goals": [goal("g1", "Ship it", "")]}});
        let m = merge(
            Some(&base.to_string()),
            &mine.to_string(),
            &theirs.to_string(),
        )
        .unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].item, "Goal “Ship it”");
        assert_eq!(m.conflicts[0].field, "The whole entry");
        assert_eq!(m.conflicts[0].mine, "Deleted");
        let kept = settle(&m, &[(m.conflicts[0].path.clone(), Side::Theirs)]).unwrap();
        assert_eq!(parse(&kept).unwrap(), theirs);
        let gone = settle(&m, &[(m.conflicts[0].path.clone(), Side::Mine)]).unwrap();
        assert_eq!(parse(&gone).unwrap(), mine);
    }

    #[test]
    fn settling_takes_the_chosen_side_for_each_conflict() {
        let base = json!({"assessment": {"ratings": {"c1": {"mine": "sometimes"}, "c2": {"mine": "rarely"}}}});
        let mine =
            json!({"assessment": {"ratings": {"c1": {"mine": "often"}, "c2": {"mine": "often"}}}});
        let theirs =
            json!({"assessment": {"ratings": {"c1": {"mine": "beyond"}, "c2": {"mine": "never"}}}});
        let m = merge(
            Some(&base.to_string()),
            &mine.to_string(),
            &theirs.to_string(),
        )
        .unwrap();
        assert_eq!(m.conflicts.len(), 2);
        assert_eq!(m.conflicts[0].item, "Grades for criterion “c1”");
        assert_eq!(m.conflicts[0].field, "Your grade");
        let c1 = m.conflicts[0].path.clone();
        let settled = parse(&settle(&m, &[(c1, Side::Theirs)]).unwrap()).unwrap();
        assert_eq!(
            settled,
            json!({"assessment": {"ratings": {"c1": {"mine": "beyond"}, "c2": {"mine": "often"}}}})
        );
    }

    #[test]
    fn with_no_base_an_import_keeps_both_sides_entries_and_takes_the_files_values() {
        let here = json!({"preferences": {"theme": "dark"}, "vocabulary": {"terms": [{"id": "my-a", "name": "A"}, {"id": "my-b", "name": "B"}]}});
        let file = json!({"preferences": {"theme": "light"}, "vocabulary": {"terms": [{"id": "my-b", "name": "Bee"}, {"id": "my-c", "name": "C"}]}});
        let m = merge(None, &here.to_string(), &file.to_string()).unwrap();
        let items: Vec<_> = m.conflicts.iter().map(|c| c.item.as_str()).collect();
        assert_eq!(items, ["Your data", "Term “B”"]);
        let settled = parse(&settle_for_theirs(&m).unwrap()).unwrap();
        assert_eq!(
            settled,
            json!({"preferences": {"theme": "light"}, "vocabulary": {"terms": [{"id": "my-a", "name": "A"}, {"id": "my-b", "name": "Bee"}, {"id": "my-c", "name": "C"}]}})
        );
    }

    #[test]
    fn lists_without_ids_are_one_value() {
        let base = json!({"criteria": ["a"]});
        let mine = json!({"criteria": ["a", "b"]});
        let theirs = json!({"criteria": ["a", "c"]});
        let (_, conflicts) = merged(Some(base), mine, theirs);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].mine, "a, b");
        // Duplicate ids are not a keyed list either.
        let dup = json!({"goals": [{"id": "g"}, {"id": "g"}]});
        let (_, conflicts) = merged(None, dup, json!({"goals": [{"id": "g"}]}));
        assert_eq!(conflicts.len(), 1);
    }

    /// Three-way merges by table: the base, this side, the other side, what
    /// they merge to (this side's value where they conflict), and the paths
    /// that conflict.
    #[test]
    fn merge_cases_by_table() {
        let goal = |id: &str, title: &str| json!({"id": id, "title": title});
        let cases = [
            (
                "nothing changed",
                json!({"a": 1}),
                json!({"a": 1}),
                json!({"a": 1}),
                json!({"a": 1}),
                vec![],
            ),
            (
                "only this side",
                json!({"a": 1}),
                json!({"a": 2}),
                json!({"a": 1}),
                json!({"a": 2}),
                vec![],
            ),
            (
                "only the other side",
                json!({"a": 1}),
                json!({"a": 1}),
                json!({"a": 3}),
                json!({"a": 3}),
                vec![],
            ),
            (
                "both the same way",
                json!({"a": 1}),
                json!({"a": 4}),
                json!({"a": 4}),
                json!({"a": 4}),
                vec![],
            ),
            (
                "both, differently",
                json!({"a": 1}),
                json!({"a": 2}),
                json!({"a": 3}),
                json!({"a": 2}),
                vec!["a"],
            ),
            (
                "different fields",
                json!({"a": 1, "b": 1}),
                json!({"a": 2, "b": 1}),
                json!({"a": 1, "b": 3}),
                json!({"a": 2, "b": 3}),
                vec![],
            ),
            (
                "a field added on each side",
                json!({}),
                json!({"a": 1}),
                json!({"b": 2}),
                json!({"a": 1, "b": 2}),
                vec![],
            ),
            (
                "a field deleted, untouched there",
                json!({"a": 1, "b": 1}),
                json!({"b": 1}),
                json!({"a": 1, "b": 1}),
                json!({"b": 1}),
                vec![],
            ),
            (
                "a field deleted, changed there",
                json!({"a": 1}),
                json!({}),
                json!({"a": 5}),
                json!({}),
                vec!["a"],
            ),
            (
                "entries added on each side",
                json!({"l": [goal("x", "X")]}),
                json!({"l": [goal("x", "X"), goal("y", "Y")]}),
                json!({"l": [goal("x", "X"), goal("z", "Z")]}),
                json!({"l": [goal("x", "X"), goal("y", "Y"), goal("z", "Z")]}),
                vec![],
            ),
            (
                "an entry changed on each side",
                json!({"l": [goal("x", "X")]}),
                json!({"l": [goal("x", "X1")]}),
                json!({"l": [goal("x", "X2")]}),
                json!({"l": [goal("x", "X1")]}),
                vec!["l/x/title"],
            ),
            (
                "an entry deleted, untouched there",
                json!({"l": [goal("x", "X"), goal("y", "Y")]}),
                json!({"l": [goal("y", "Y")]}),
                json!({"l": [goal("x", "X"), goal("y", "Y")]}),
                json!({"l": [goal("y", "Y")]}),
                vec![],
            ),
            (
                "an entry deleted on both sides",
                json!({"l": [goal("x", "X")]}),
                json!({"l": []}),
                json!({"l": []}),
                json!({"l": []}),
                vec![],
            ),
            (
                "a map entry each",
                json!({"m": {}}),
                json!({"m": {"c1": "often"}}),
                json!({"m": {"c2": "never"}}),
                json!({"m": {"c1": "often", "c2": "never"}}),
                vec![],
            ),
        ];
        for (name, base, mine, theirs, expected, conflicts) in cases {
            let (merged, found) = merged(Some(base), mine, theirs);
            assert_eq!(merged, expected, "{name}");
            let paths: Vec<String> = found
                .iter()
                .map(|c| {
                    c.path
                        .iter()
                        .map(|step| match step {
                            Step::Key(key) | Step::Item(key) => key.as_str(),
                        })
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .collect();
            assert_eq!(paths, conflicts, "{name}");
        }
    }

    #[test]
    fn long_values_are_cut_short() {
        let long = "x".repeat(500);
        let shown = shown(Some(&Value::String(long)));
        assert_eq!(shown.chars().count(), 201);
        assert!(shown.ends_with('…'));
    }
}
