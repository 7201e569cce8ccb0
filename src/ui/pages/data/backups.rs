//! Every copy Rungs keeps: backups and data set aside, each with what it
//! holds, to restore, download or delete.

use yew::prelude::*;

use super::replace_all;
use crate::core::persist::{newest_first, Copy, CopyKind};
use crate::core::time::{iso_utc, DateTime};
use crate::core::transfer::{self, size_label, Counts};
use crate::ui::clock::utc_offset_minutes;
use crate::ui::components::confirm::ConfirmDelete;
use crate::ui::components::share::use_share;
use crate::ui::state::{use_app, Action};

/// A copy, read: when it can be restored, what it holds.
#[derive(PartialEq)]
struct Listed {
    copy: Copy,
    holds: Result<String, String>,
}

#[function_component]
pub fn Backups() -> Html {
    let app = use_app();
    let message = use_state(|| None::<(bool, String)>);
    let share = use_share();
    // Counts the deletions made here, which change no health.
    let deleted = use_state(|| 0u32);
    // Re-read after each change to storage this page makes or learns of.
    let listed = use_memo((app.state.health.clone(), *deleted), {
        let session = app.session();
        move |_| {
            newest_first(session.copies().unwrap_or_default())
                .into_iter()
                .map(|copy| {
                    let holds = session
                        .raw(&copy.key)
                        .ok_or_else(|| "It is gone.".to_owned())
                        .and_then(|text| transfer::read(&text).map_err(|e| e.to_string()))
                        .map(|incoming| Counts::of(&incoming.document).summary());
                    Listed { copy, holds }
                })
                .collect::<Vec<_>>()
        }
    });
    let offset = utc_offset_minutes();
    let items = listed.iter().map(|listed| {
        let copy = &listed.copy;
        let made = DateTime::at(copy.at, offset).label();
        let restore = {
            let (app, message, key, made) = (app.clone(), message.clone(), copy.key.clone(), made.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(incoming) = app.session().raw(&key).and_then(|text| transfer::read(&text).ok()) else {
                    message.set(Some((false, "This backup can't be read any more; nothing changed.".into())));
                    return;
                };
                let note = format!("Restored the backup of {made}.");
                message.set(Some(match replace_all(&app, incoming.document, CopyKind::BeforeRestore, note.clone()) {
                    Ok(()) => (true, format!("{note} What was here before is kept as a backup too, and Undo puts it back.")),
                    Err(why) => (false, why),
                }));
            })
        };
        let download = {
            let (session, key, share, message) = (app.session(), copy.key.clone(), share.clone(), message.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(text) = session.raw(&key) {
                    // The latest action alone is reported.
                    message.set(None);
                    share.download(&text, &format!("{key}.json"));
                }
            })
        };
        let delete = {
            let (session, dispatcher, message, key) = (app.session(), app.state.dispatcher(), message.clone(), copy.key.clone());
            let deleted = deleted.clone();
            Callback::from(move |()| {
                message.set(Some(match session.delete_copy(&key) {
                    Ok(()) => (true, "The backup was deleted.".into()),
                    Err(why) => (false, format!("The backup couldn't be deleted: {why}.")),
                }));
                deleted.set(*deleted + 1);
                dispatcher.dispatch(Action::Health(session.health()));
            })
        };
        html! {
            <li key={copy.key.clone()} class="copy">
                <h3>{ copy.kind.label() }</h3>
                <p>
                    <time datetime={iso_utc(copy.at)}>{ &made }</time>
                    { format!(" · {}", size_label(copy.size as u64)) }
                </p>
                <p>{ match &listed.holds {
                    Ok(summary) => format!("Holds {summary}."),
                    Err(why) => format!("Can't be restored. {why}"),
                } }</p>
                <div class="actions">
                    if listed.holds.is_ok() {
                        <button type="button" onclick={restore}>{ "Restore" }</button>
                    }
                    <button type="button" class="secondary" onclick={download}>{ "Download" }</button>
                    <ConfirmDelete
                        label="Delete…"
                        question={format!("Delete this backup of {made}? It can't be brought back.")}
                        on_delete={delete}
                    />
                </div>
            </li>
        }
    });
    html! {
        <section class="card" aria-labelledby="backups-heading">
            <h2 id="backups-heading">{ "Backups" }</h2>
            <p>{ "Rungs keeps a backup before the first change of each day (the last three days), and before every import, restore and deletion; and it sets aside, unchanged, any stored data it can't read. They live in this browser, within 2 MB: the oldest backups make room for new ones." }</p>
            if let Some((ok, text)) = &*message {
                <p role={if *ok { "status" } else { "alert" }}>{ text }</p>
            } else {
                { share.status() }
            }
            if listed.is_empty() {
                <p class="muted">{ "No backups yet." }</p>
            } else {
                <ul class="copies">{ for items }</ul>
            }
        </section>
    }
}
