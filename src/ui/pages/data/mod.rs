//! `#/data`: where the data lives and how safe it is, export, import,
//! backups and deleting everything.

mod backups;
mod import;
mod place;
mod reset;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::export::{everything, file_name};
use crate::core::persist::CopyKind;
use crate::core::route::Route;
use crate::core::schema::{Document, Replace};
use crate::ui::clock::today;
use crate::ui::components::embedded::CopyData;
use crate::ui::components::notices::{data_file_name, download_data};
use crate::ui::components::page_header::PageHeader;
use crate::ui::components::share::use_share;
use crate::ui::content::use_ready_rubric;
use crate::ui::dom;
use crate::ui::state::{use_app, Action, AppContext};

/// The surface's page (the entry point of its split point).
pub fn view(_: &Route) -> Html {
    html! { <DataPage /> }
}

#[function_component]
fn DataPage() -> Html {
    html! {
        <>
            <PageHeader
                title="Your data"
                lead="Everything you keep in Rungs lives in this browser, on this device. Here you can see how safe it is, take a copy, bring a copy in, go back to a backup, or delete it all."
            />
            <div class="data-page">
                <place::Place />
                <Export />
                <import::Import />
                <backups::Backups />
                <reset::Reset />
            </div>
        </>
    }
}

/// Both downloads: the file to import later, and a readable copy.
#[function_component]
fn Export() -> Html {
    let app = use_app();
    let rubric = use_ready_rubric();
    let share = use_share();
    let json = {
        let (download, share) = (download_data(&app), share.clone());
        Callback::from(move |event: MouseEvent| {
            download.emit(event);
            share.downloaded(&data_file_name());
        })
    };
    let markdown = {
        let (document, share) = (app.state.document.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            let text = everything::markdown(&document, rubric.as_deref(), today());
            share.download(&text, &file_name("rungs-everything", today(), "md"));
        })
    };
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Take a copy" }</h2>
            <p>{ "The data file holds everything, and Rungs can import it again, in this browser or another. The readable copy puts your readiness report, your plan and your own terms in one Markdown file." }</p>
            <div class="actions">
                <button type="button" onclick={json}>{ "Download your data (JSON)" }</button>
                <button type="button" class="secondary" onclick={markdown}>{ "Download a readable copy (Markdown)" }</button>
            </div>
            { share.status() }
            if dom::framed() {
                <p>{ "Inside another page's frame, Download may do nothing: some frames block downloads. Copy your data instead, and paste it into a new text file." }</p>
                <CopyData />
            }
        </section>
    }
}

/// Replaces the whole document with `document` after keeping a copy of
/// what is here as `kind`; the undo bar then offers the way back. Returns
/// why nothing changed, if the copy could not be kept.
pub fn replace_all(
    app: &AppContext,
    document: Document,
    kind: CopyKind,
    message: String,
) -> Result<(), String> {
    let here = app.state.document.clone();
    let backed_up = app.session().back_up(kind, &here);
    app.state.dispatch(Action::Health(app.session().health()));
    backed_up.map_err(|reason| {
        format!("Rungs couldn't keep a backup of your current data first ({reason}), so nothing changed.")
    })?;
    app.state.dispatch(Action::Change(Rc::new(Replace {
        document,
        label: message,
    })));
    Ok(())
}
