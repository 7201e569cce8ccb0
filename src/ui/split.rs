//! Code fetched on first use. Each split point is a piece of the app that
//! the release build cuts out of the main module (see
//! `docs/ARCHITECTURE.md`): the browser fetches it the first time one of its
//! pages is shown. [`split_points!`] declares them, in `ui::pages`, one line
//! each; [`Lazy`] shows a page whose code may still be on its way.
//!
//! Without the `split` feature (tests, `trunk serve`) every split point is
//! linked in as usual and is ready at once, so the app behaves the same.

use yew::prelude::*;

use crate::core::route::Route;
use crate::core::{first_letter, Case};
use crate::ui::components::page_header::PageHeader;
use crate::ui::dom;
use crate::ui::pages::Split;

/// What a split point hands over once its code is here: the view of a page.
pub type View = fn(&Route) -> Html;

/// Declares the split points: `name @ Surface::X => view` for a surface
/// (its name must be the surface's slug, which the page loader fetches by),
/// or `name => view` for code that belongs to no single surface. With
/// `in module`, a split point's code goes in another split point's module
/// (fetched together): code that a rare moment needs, beside the page that
/// shares most of it.
macro_rules! split_points {
    ($($name:ident $(in $module:ident)? $(@ $surface:path)? => $view:path),+ $(,)?) => {
        /// A piece of the app fetched the first time it is shown.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Split {
            $($name),+
        }

        $($(
            const _: () = assert!(
                $crate::ui::split::same(stringify!($name), $surface.slug()),
                "a surface's split point is named after its slug",
            );
        )?)+

        impl Split {
            pub const ALL: &'static [Split] = &[$(Split::$name),+];

            /// Its name in the build: the split module is `split_<name>`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Split::$name => stringify!($name)),+
                }
            }

            /// The split point holding `surface`'s pages, if it has one.
            pub fn of(surface: $crate::core::route::Surface) -> Option<Split> {
                $($(
                    if surface == $surface {
                        return Some(Split::$name);
                    }
                )?)+
                None
            }

            /// Its view, when its code is here already.
            #[cfg(not(feature = "split"))]
            pub fn ready(self) -> Option<$crate::ui::split::View> {
                Some(match self {
                    $(Split::$name => $view),+
                })
            }

            /// Its view, when its code is here already.
            #[cfg(feature = "split")]
            pub fn ready(self) -> Option<$crate::ui::split::View> {
                LOADED.with(|loaded| loaded[self as usize].get())
            }

            /// Fetches its code; `None` when that failed (a later call
            /// tries again).
            #[cfg(not(feature = "split"))]
            pub async fn load(self) -> Option<$crate::ui::split::View> {
                self.ready()
            }

            /// Fetches its code; `None` when that failed (a later call
            /// tries again).
            #[cfg(feature = "split")]
            pub async fn load(self) -> Option<$crate::ui::split::View> {
                let view = match self {
                    $(Split::$name => points::$name().await),+
                }
                .ok()?;
                LOADED.with(|loaded| loaded[self as usize].set(Some(view)));
                Some(view)
            }
        }

        #[cfg(feature = "split")]
        thread_local! {
            /// Each split point's view once its code has arrived: code,
            /// not state, asked for by the router before any component.
            static LOADED: [::std::cell::Cell<Option<$crate::ui::split::View>>; Split::ALL.len()] =
                const { [const { ::std::cell::Cell::new(None) }; Split::ALL.len()] };
        }

        /// The split points themselves: each returns its view from inside
        /// the code it splits off.
        #[cfg(feature = "split")]
        mod points {
            use super::*;
            $(
                $crate::ui::split::split_point!($name $(in $module)? => $view);
            )+
        }
    };
}
pub(crate) use split_points;

/// One split point's function, in the module named after it or, with
/// `in module`, in that one's.
#[cfg(feature = "split")]
macro_rules! split_point {
    ($name:ident => $view:path) => {
        $crate::ui::split::split_point!($name in $name => $view);
    };
    ($name:ident in $module:ident => $view:path) => {
        #[::wasm_split_helpers::wasm_split($module, fallible)]
        pub fn $name() -> Result<$crate::ui::split::View, ::wasm_split_helpers::SplitLoaderError> {
            Ok($view)
        }
    };
}
#[cfg(feature = "split")]
pub(crate) use split_point;

/// `a == b`, at compile time.
pub const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub split: Split,
    pub route: Route,
    /// What it shows when it is a part of a page rather than the page,
    /// after "Loading": "your readiness and plan".
    #[prop_or_default]
    pub part: Option<AttrValue>,
}

#[derive(Clone, Copy)]
enum Code {
    Loading,
    Ready(View),
    Failed,
}

/// The page for `route` (or a part of it), from `split`: "Loading" while its
/// code is on its way, and a way to try again if it cannot be fetched. Keyed
/// by the split where it is used, so that another split starts afresh.
#[function_component]
pub fn Lazy(props: &LazyProps) -> Html {
    let split = props.split;
    let code = use_state(|| split.ready().map_or(Code::Loading, Code::Ready));
    let attempt = use_state(|| 0u32);
    {
        let code = code.clone();
        use_effect_with(*attempt, move |_| {
            if !matches!(*code, Code::Ready(_)) {
                if matches!(*code, Code::Failed) {
                    code.set(Code::Loading);
                }
                wasm_bindgen_futures::spawn_local(async move {
                    code.set(split.load().await.map_or(Code::Failed, Code::Ready));
                });
            }
        });
    }
    // The first page is on screen once it shows, or says it could not: the
    // rest of the code is fetched from then on (and may bring this too).
    let shown = !matches!(*code, Code::Loading);
    use_effect_with(shown, |shown| {
        if *shown {
            crate::ui::mark_interactive();
        }
    });
    match (*code, &props.part) {
        (Code::Ready(view), _) => view(&props.route),
        // Announced for a page; a part of a page just says so where it goes.
        (Code::Loading, None) => html! {
            <p class="muted" role="status">{ "Loading this page…" }</p>
        },
        (Code::Loading, Some(part)) => html! {
            <div class="card" aria-busy="true">
                <p class="muted">{ format!("Loading {part}…") }</p>
            </div>
        },
        (Code::Failed, part) => {
            let retry = Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1));
            let reload = Callback::from(|_: MouseEvent| {
                let _ = dom::window().location().reload();
            });
            let notice = html! {
                <div class="notice" role="alert">
                    <h2>{ format!("{} could not be loaded", first_letter(part.as_deref().unwrap_or("this page"), Case::Upper)) }</h2>
                    <p>
                        { "Rungs fetches the code of each page the first time you open it, and this time it did not arrive. \
                           You may be offline, or a newer version of Rungs may have replaced its files since this tab opened. \
                           Try again, or reload to get the newest version. Your data is safe and unchanged." }
                    </p>
                    <div class="actions">
                        <button type="button" onclick={retry}>{ "Try again" }</button>
                        <button type="button" class="secondary" onclick={reload}>{ "Reload" }</button>
                    </div>
                </div>
            };
            match part {
                // A page that could not be shown still has its heading, so
                // that focus and the title follow the navigation.
                None => html! { <><PageHeader title={props.route.title()} />{ notice }</> },
                Some(_) => notice,
            }
        }
    }
}
