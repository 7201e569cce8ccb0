//! One part of the stored document (the assessment, the vocabulary, the
//! plan), kept as the JSON it was stored as until something first reads it.
//!
//! The shell of the app loads, saves and guards the whole document without
//! decoding any part: only the code that reads a part decodes it, and only
//! the code that changes a part encodes it. Since generic code is compiled
//! where it is used, each part's decoder and encoder travel with the pages
//! that use them instead of weighing on the first load (see
//! `docs/ARCHITECTURE.md`).
//!
//! A part shares its decoded value between copies of the document, so each
//! stored part is decoded at most once, and a copy of the document (one per
//! change) costs a few reference counts.

use std::any::Any;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

/// A part of the document holding a `T`.
pub struct Part<T>(Rc<Inner>, PhantomData<fn() -> T>);

/// A part, whatever it holds: the shell stores, compares and drops parts
/// of six types with one copy of the code that does it.
struct Inner {
    /// The JSON it was read from; `None` for a value set by a change, or
    /// for a part that was not stored (its default value).
    stored: Option<Box<RawValue>>,
    /// The value (an `Rc<T>`): decoded from `stored` on first use, or set
    /// by a change. Held without its type so that dropping a part, which
    /// the shell does with every copy of the document, needs no code that
    /// drops a `T`: that code comes with the code that made the value.
    value: OnceCell<Rc<dyn Any>>,
    /// Why `stored` could not be decoded; the value is then the default.
    problem: OnceCell<String>,
    /// Encodes a value set by a change (the `T` in `value`); compiled
    /// where the change was made.
    encode: Option<fn(&dyn Any) -> String>,
    /// The JSON of a value set by a change, once encoded.
    encoded: OnceCell<String>,
}

impl Inner {
    fn new(stored: Option<Box<RawValue>>) -> Rc<Inner> {
        Rc::new(Inner {
            stored,
            value: OnceCell::new(),
            problem: OnceCell::new(),
            encode: None,
            encoded: OnceCell::new(),
        })
    }

    fn json(&self) -> Option<Cow<'_, str>> {
        match (&self.stored, self.encode) {
            (Some(stored), _) => Some(Cow::Borrowed(stored.get())),
            (None, Some(encode)) => {
                let value = self.value.get().expect("a value set by a change");
                Some(Cow::Borrowed(self.encoded.get_or_init(|| encode(&**value))))
            }
            (None, None) => None,
        }
    }
}

/// What the document does with a part, whatever it holds: stores its JSON,
/// and asks whether it could be read.
pub trait Stored {
    /// The part's JSON, as stored or as encoded; `None` for the default
    /// value, which is not stored.
    fn json(&self) -> Option<Cow<'_, str>>;

    /// Why the stored part could not be decoded, once something tried to.
    /// Reading it then gives the default value, so the caller must keep a
    /// copy of the stored text before anything replaces it.
    fn problem(&self) -> Option<&str>;
}

/// The `T` an erased value holds.
fn typed<T: 'static>(value: &Rc<dyn Any>) -> &T {
    value
        .downcast_ref::<T>()
        .expect("a part holds a value of its own type")
}

impl<T> Stored for Part<T> {
    fn json(&self) -> Option<Cow<'_, str>> {
        self.0.json()
    }

    fn problem(&self) -> Option<&str> {
        self.0.problem.get().map(String::as_str)
    }
}

impl<T: DeserializeOwned + Default + 'static> Part<T> {
    /// The value, decoded on first use; the default value when the stored
    /// JSON does not fit `T` (see [`Part::problem`]).
    pub fn value(&self) -> &T {
        typed::<T>(self.erased())
    }

    /// The value, shared: the same `Rc` for as long as the part is
    /// unchanged, so that a view can tell "changed" by pointer.
    pub fn shared(&self) -> Rc<T> {
        match self.erased().clone().downcast::<T>() {
            Ok(value) => value,
            Err(_) => unreachable!("a part holds a value of its own type"),
        }
    }

    fn erased(&self) -> &Rc<dyn Any> {
        self.0.value.get_or_init(|| {
            let value: T = match &self.0.stored {
                None => T::default(),
                Some(stored) => serde_json::from_str(stored.get()).unwrap_or_else(|error| {
                    let _ = self.0.problem.set(error.to_string());
                    T::default()
                }),
            };
            Rc::new(value)
        })
    }
}

impl<T: DeserializeOwned + Serialize + Default + PartialEq + Clone + 'static> Part<T> {
    /// A part holding `value`; absent when that is the default value.
    pub fn new(value: T) -> Part<T> {
        if value == T::default() {
            return Part::default();
        }
        Part(
            Rc::new(Inner {
                stored: None,
                value: OnceCell::from(Rc::new(value) as Rc<dyn Any>),
                problem: OnceCell::new(),
                encode: Some(|value| {
                    let value = value.downcast_ref::<T>().expect("a part of its own type");
                    serde_json::to_string(value).expect("a part always encodes")
                }),
                encoded: OnceCell::new(),
            }),
            PhantomData,
        )
    }

    /// Applies `change` to a copy of the value, and keeps the copy if
    /// `change` says it changed anything. Returns the part as it was
    /// before, when it changed: the way back (see
    /// [`Restore`](super::schema::Restore)).
    pub fn edit(&mut self, change: impl FnOnce(&mut T) -> bool) -> Option<Part<T>> {
        let mut value = self.value().clone();
        change(&mut value).then(|| std::mem::replace(self, Part::new(value)))
    }
}

impl<T: DeserializeOwned + Default + 'static> Deref for Part<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.value()
    }
}

impl<T> Default for Part<T> {
    fn default() -> Self {
        Part(Inner::new(None), PhantomData)
    }
}

impl<T> Clone for Part<T> {
    fn clone(&self) -> Self {
        Part(self.0.clone(), PhantomData)
    }
}

/// Two parts are equal when they would be stored as the same JSON.
impl<T> PartialEq for Part<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.json() == other.json()
    }
}

impl<T> Eq for Part<T> {}

impl<T> fmt::Debug for Part<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.json() {
            Some(json) => write!(f, "Part({json})"),
            None => f.write_str("Part(absent)"),
        }
    }
}

/// Reads the part's JSON without decoding it.
impl<'de, T> Deserialize<'de> for Part<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = Box::<RawValue>::deserialize(deserializer)?;
        Ok(Part(Inner::new(Some(stored)), PhantomData))
    }
}

/// An item of a long list in a part (an entry of the log; a goal, a
/// check-in or a week of the plan), shared between copies of the list and
/// encoded once: copying the list for a change costs a reference count per
/// item, and saving it encodes only the items changed since they were last
/// encoded.
///
/// Read it as a `T` (it derefs to one); change it with [`Item::make_mut`],
/// which forgets the encoding. It is only ever encoded as JSON.
pub struct Item<T>(Rc<Encoded<T>>);

#[derive(Clone)]
struct Encoded<T> {
    value: T,
    json: OnceCell<Box<RawValue>>,
}

impl<T> Item<T> {
    pub fn new(value: T) -> Item<T> {
        Item(Rc::new(Encoded {
            value,
            json: OnceCell::new(),
        }))
    }

    /// Whether the two are the same item, unchanged: a view's cheap test
    /// of "nothing to draw again".
    pub fn ptr_eq(a: &Item<T>, b: &Item<T>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Clone> Item<T> {
    /// The value, to change: this item's own copy, with no encoding kept.
    pub fn make_mut(&mut self) -> &mut T {
        let encoded = Rc::make_mut(&mut self.0);
        encoded.json = OnceCell::new();
        &mut encoded.value
    }
}

impl<T: Default> Default for Item<T> {
    fn default() -> Item<T> {
        Item::new(T::default())
    }
}

impl<T> From<T> for Item<T> {
    fn from(value: T) -> Item<T> {
        Item::new(value)
    }
}

impl<T> Deref for Item<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0.value
    }
}

impl<T> Clone for Item<T> {
    fn clone(&self) -> Self {
        Item(self.0.clone())
    }
}

impl<T: PartialEq> PartialEq for Item<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.value == other.0.value
    }
}

impl<T: Eq> Eq for Item<T> {}

impl<T: fmt::Debug> fmt::Debug for Item<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.value.fmt(f)
    }
}

impl<T: Serialize> Serialize for Item<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let json = match self.0.json.get() {
            Some(json) => json,
            None => {
                let json = serde_json::value::to_raw_value(&self.0.value)
                    .map_err(serde::ser::Error::custom)?;
                self.0.json.get_or_init(|| json)
            }
        };
        json.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Item::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    struct Counter {
        count: u32,
    }

    fn stored(json: &str) -> Part<Counter> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn keeps_stored_json_as_it_was_until_changed() {
        let part = stored(r#"{ "count" : 2 }"#);
        assert_eq!(part.json().as_deref(), Some(r#"{ "count" : 2 }"#));
        assert_eq!(part.count, 2);
        assert_eq!(part.json().as_deref(), Some(r#"{ "count" : 2 }"#));
        assert_eq!(part.problem(), None);
    }

    #[test]
    fn a_change_is_encoded_and_a_copy_shares_the_value() {
        let mut part = stored(r#"{"count":2}"#);
        let copy = part.clone();
        let before = part.edit(|counter| {
            counter.count += 1;
            true
        });
        assert_eq!(part.json().as_deref(), Some(r#"{"count":3}"#));
        assert_eq!(copy.count, 2, "the copy keeps the value it had");
        assert_eq!(before.unwrap().count, 2, "the part as it was comes back");
        assert!(part.edit(|_| false).is_none());
        assert_ne!(part, copy);
    }

    #[test]
    fn the_default_value_is_not_stored() {
        let mut part = stored(r#"{"count":1}"#);
        assert!(part
            .edit(|counter| {
                counter.count = 0;
                true
            })
            .is_some());
        assert_eq!(part.json(), None);
        assert_eq!(part, Part::default());
        assert_eq!(*part, Counter::default());
    }

    #[test]
    fn json_that_does_not_fit_reads_as_the_default_and_says_why() {
        let part = stored(r#"{"count":"two"}"#);
        assert_eq!(part.problem(), None, "not decoded yet");
        assert_eq!(*part, Counter::default());
        assert!(
            part.problem().unwrap().contains("invalid type"),
            "{:?}",
            part.problem()
        );
        assert_eq!(
            part.json().as_deref(),
            Some(r#"{"count":"two"}"#),
            "the stored text is kept"
        );
        let unknown = stored(r#"{"count":1,"extra":true}"#);
        assert_eq!(unknown.count, 0);
        assert!(unknown.problem().unwrap().contains("unknown field"));
    }

    #[test]
    fn equal_when_stored_the_same() {
        assert_eq!(stored(r#"{"count":1}"#), Part::new(Counter { count: 1 }));
        assert_ne!(stored(r#"{"count":1}"#), stored(r#"{ "count":1}"#));
        assert_eq!(format!("{:?}", Part::<Counter>::default()), "Part(absent)");
    }

    #[test]
    fn a_change_to_one_goal_encodes_that_goal_alone_and_the_same_text() {
        use crate::core::plan::{GoalText, Plan, PlanEdit};
        let stored = concat!(
            r#"{"target":"2027-06-01","goals":["#,
            r#"{"id":"g1","outcome":"Ship search","metric":"p95","baseline":"","target":"","support":"","time":"","criteria":[],"due":null,"started":null,"done":null,"milestones":[]},"#,
            r#"{"id":"g2","outcome":"Mentor","metric":"","baseline":"","target":"","support":"","time":"","criteria":["c"],"due":"2027-01-04","started":null,"done":null,"milestones":[{"id":"m","title":"Pair","due":null,"done":null}]}"#,
            r#"],"checkins":[{"id":"c1","date":"2026-05-04","notes":"n","agreed":"a","followups":[]}],"#,
            r#""weeks":[{"start":"2026-05-04","items":[{"id":"w","text":"t","status":"done"}]}]}"#
        );
        let read: Part<Plan> = serde_json::from_str(stored).unwrap();
        let mut part = read.clone();
        let edit = |text: &str| PlanEdit::SetGoalText {
            goal: "g1".into(),
            field: GoalText::Metric,
            text: text.into(),
        };
        part.edit(|plan| plan.apply(edit("p99")));
        // Encoded as it was read, but for the one change.
        assert_eq!(
            part.json().as_deref(),
            Some(
                stored
                    .replace(r#""metric":"p95""#, r#""metric":"p99""#)
                    .as_str()
            )
        );
        let before = part.clone();
        part.edit(|plan| plan.apply(edit("p50")));
        let (plan, was) = (part.value(), before.value());
        // Only the goal changed lost its encoding; the rest is shared,
        // encoded, with the plan as it was.
        assert!(plan.goals[0].0.json.get().is_none());
        assert!(Item::ptr_eq(&plan.goals[1], &was.goals[1]));
        assert!(plan.goals[1].0.json.get().is_some());
        assert!(Item::ptr_eq(&plan.checkins[0], &was.checkins[0]));
        assert!(plan.checkins[0].0.json.get().is_some());
        assert!(Item::ptr_eq(&plan.weeks[0], &was.weeks[0]));
        assert!(plan.weeks[0].0.json.get().is_some());
        assert!(part.json().unwrap().contains(r#""metric":"p50""#));
        assert!(plan.goals[0].0.json.get().is_some());
    }

    #[test]
    fn an_item_is_encoded_once_and_again_only_after_a_change() {
        let mut items = vec![
            Item::new(Counter { count: 1 }),
            Item::new(Counter { count: 2 }),
        ];
        assert_eq!(
            serde_json::to_string(&items).unwrap(),
            r#"[{"count":1},{"count":2}]"#
        );
        // A copy shares the items and their encoding.
        let copy = items.clone();
        assert!(Rc::ptr_eq(&copy[0].0, &items[0].0));
        assert!(copy[1].0.json.get().is_some());
        // A change is this list's own, and is what gets encoded.
        items[1].make_mut().count = 5;
        assert!(items[1].0.json.get().is_none());
        assert_eq!(
            serde_json::to_string(&items).unwrap(),
            r#"[{"count":1},{"count":5}]"#
        );
        assert_eq!(
            serde_json::to_string(&copy).unwrap(),
            r#"[{"count":1},{"count":2}]"#
        );
        // Changed in place when not shared: the old encoding is not kept.
        let mut alone = Item::new(Counter { count: 1 });
        serde_json::to_string(&alone).unwrap();
        alone.make_mut().count = 3;
        assert_eq!(serde_json::to_string(&alone).unwrap(), r#"{"count":3}"#);
        let read: Vec<Item<Counter>> = serde_json::from_str(r#"[{"count":7}]"#).unwrap();
        assert_eq!(read, [Item::new(Counter { count: 7 })]);
        assert_eq!(format!("{:?}", read[0]), "Counter { count: 7 }");
    }
}
