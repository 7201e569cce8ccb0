//! Hash routes (`#/plan`), so the app works on any static host, in an iframe
//! and from a single folder.

/// A place in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    /// Grading, one area at a time.
    Assess,
    /// What the grades add up to.
    Readiness,
    Glossary,
    GlossaryTerm(String),
    Plan,
    /// One goal of the plan, by id.
    Goal(String),
    CheckIns,
    Weeks,
    /// The accomplishment log.
    Evidence,
    /// One entry of the log, by id.
    Entry(String),
    /// Which criteria of the target level entries prove.
    Coverage,
    /// The promotion packet drafted from the log.
    Packet,
    /// A short update on recent work.
    Update,
    Talk,
    /// One conversation to prepare, by id.
    Conversation(String),
    /// Grades asked for, received and given.
    Review,
    /// A request for grades, to make.
    Ask,
    /// Grading a colleague's request, by the request's id.
    Reviewing(String),
    Data,
    Rubric,
    NotFound(String),
}

impl Route {
    /// The routes the main navigation lists, in order.
    pub const NAV: [Route; 9] = [
        Route::Dashboard,
        Route::Assess,
        Route::Glossary,
        Route::Plan,
        Route::Evidence,
        Route::Talk,
        Route::Review,
        Route::Data,
        Route::Rubric,
    ];

    /// Reads `location.hash`. Returns `None` for a fragment that is not a
    /// route (such as `#main`, the skip link's target), which leaves the
    /// current page as it is.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = match hash.strip_prefix('#') {
            None | Some("") => return Some(Route::Dashboard),
            Some(rest) => rest.strip_prefix('/')?,
        };
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_end_matches('/');
        let route = match path.split_once('/') {
            None => match path {
                "" => Route::Dashboard,
                "assess" => Route::Assess,
                "glossary" => Route::Glossary,
                "plan" => Route::Plan,
                "evidence" => Route::Evidence,
                "talk" => Route::Talk,
                "review" => Route::Review,
                "data" => Route::Data,
                "rubric" => Route::Rubric,
                _ => Route::NotFound(path.to_owned()),
            },
            Some(("assess", "results")) => Route::Readiness,
            Some(("glossary", id)) if is_id(id) => Route::GlossaryTerm(id.to_owned()),
            Some(("plan", "check-ins")) => Route::CheckIns,
            Some(("plan", "weeks")) => Route::Weeks,
            Some(("plan", id)) if is_id(id) => Route::Goal(id.to_owned()),
            Some(("evidence", "coverage")) => Route::Coverage,
            Some(("evidence", "packet")) => Route::Packet,
            Some(("evidence", "update")) => Route::Update,
            Some(("evidence", id)) if is_id(id) => Route::Entry(id.to_owned()),
            Some(("talk", id)) if is_id(id) => Route::Conversation(id.to_owned()),
            Some(("review", "ask")) => Route::Ask,
            Some(("review", id)) if is_id(id) => Route::Reviewing(id.to_owned()),
            Some(_) => Route::NotFound(path.to_owned()),
        };
        Some(route)
    }

    /// The `href` that leads here.
    pub fn href(&self) -> String {
        match self {
            Route::Dashboard => "#/".to_owned(),
            Route::Readiness => "#/assess/results".to_owned(),
            Route::GlossaryTerm(id) => format!("#/glossary/{id}"),
            Route::Goal(id) => format!("#/plan/{id}"),
            Route::CheckIns => "#/plan/check-ins".to_owned(),
            Route::Weeks => "#/plan/weeks".to_owned(),
            Route::Entry(id) => format!("#/evidence/{id}"),
            Route::Coverage => "#/evidence/coverage".to_owned(),
            Route::Packet => "#/evidence/packet".to_owned(),
            Route::Update => "#/evidence/update".to_owned(),
            Route::Conversation(id) => format!("#/talk/{id}"),
            Route::Ask => "#/review/ask".to_owned(),
            Route::Reviewing(id) => format!("#/review/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
            other => format!("#/{}", other.slug()),
        }
    }

    fn slug(&self) -> &'static str {
        self.surface().map_or("", Surface::slug)
    }

    /// The surface this page belongs to; `None` for an address that is not
    /// a page.
    pub fn surface(&self) -> Option<Surface> {
        Some(match self {
            Route::Dashboard => Surface::Dashboard,
            Route::Assess | Route::Readiness => Surface::Assess,
            Route::Glossary | Route::GlossaryTerm(_) => Surface::Glossary,
            Route::Plan | Route::Goal(_) | Route::CheckIns | Route::Weeks => Surface::Plan,
            Route::Evidence | Route::Entry(_) | Route::Coverage | Route::Packet | Route::Update => {
                Surface::Evidence
            }
            Route::Talk | Route::Conversation(_) => Surface::Talk,
            Route::Review | Route::Ask | Route::Reviewing(_) => Surface::Review,
            Route::Data => Surface::Data,
            Route::Rubric => Surface::Rubric,
            Route::NotFound(_) => return None,
        })
    }

    /// The short name used in the navigation.
    pub fn nav_label(&self) -> &'static str {
        self.surface().map_or("Not found", Surface::nav_label)
    }

    /// The page's heading and document title; a term's page is titled
    /// after the term once the glossary has loaded.
    pub fn title(&self) -> String {
        match self {
            Route::Dashboard => "Dashboard".to_owned(),
            Route::Assess => "Readiness self-assessment".to_owned(),
            Route::Readiness => "Your readiness".to_owned(),
            Route::Glossary => "Vocabulary glossary".to_owned(),
            Route::GlossaryTerm(_) => "Glossary".to_owned(),
            Route::Plan => "Plan builder".to_owned(),
            Route::Goal(_) => "Goal".to_owned(),
            Route::CheckIns => "Check-ins".to_owned(),
            Route::Weeks => "Weekly goals".to_owned(),
            Route::Evidence => "Accomplishment log".to_owned(),
            Route::Entry(_) => "Accomplishment".to_owned(),
            Route::Coverage => "Where your case is thin".to_owned(),
            Route::Packet => "Promotion packet".to_owned(),
            Route::Update => "Update on your work".to_owned(),
            Route::Talk => "Conversation prep".to_owned(),
            Route::Conversation(_) => "Conversation".to_owned(),
            Route::Review => "Grades from others".to_owned(),
            Route::Ask => "Ask for grades".to_owned(),
            Route::Reviewing(_) => "Grade a colleague".to_owned(),
            Route::Data => "Your data".to_owned(),
            Route::Rubric => "Rubric".to_owned(),
            Route::NotFound(_) => "Page not found".to_owned(),
        }
    }

    /// One line on what the page's surface is for: a surface's pages
    /// share it, since only the dashboard's list of pages says it.
    pub fn summary(&self) -> &'static str {
        self.surface()
            .map_or("There is no page at this address.", Surface::summary)
    }

    /// Whether `self`, a navigation entry, is the section the current
    /// `route` belongs to.
    pub fn is_section_of(&self, route: &Route) -> bool {
        self.surface().is_some() && self.surface() == route.surface()
    }
}

/// A part of the product with pages of its own. In the browser, every
/// surface but the dashboard is a piece of code fetched the first time one
/// of its pages is shown (see `docs/ARCHITECTURE.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Surface {
    Dashboard,
    Assess,
    Glossary,
    Plan,
    Evidence,
    Talk,
    Review,
    Data,
    Rubric,
}

impl Surface {
    pub const ALL: [Surface; 9] = [
        Surface::Dashboard,
        Surface::Assess,
        Surface::Glossary,
        Surface::Plan,
        Surface::Evidence,
        Surface::Talk,
        Surface::Review,
        Surface::Data,
        Surface::Rubric,
    ];

    /// The first segment of its addresses (`plan` for `#/plan/weeks`); the
    /// dashboard's is empty. A surface's split point carries this name, so
    /// that the loader can fetch a page's code from its address alone.
    pub const fn slug(self) -> &'static str {
        match self {
            Surface::Dashboard => "",
            Surface::Assess => "assess",
            Surface::Glossary => "glossary",
            Surface::Plan => "plan",
            Surface::Evidence => "evidence",
            Surface::Talk => "talk",
            Surface::Review => "review",
            Surface::Data => "data",
            Surface::Rubric => "rubric",
        }
    }

    /// One line on what it is for.
    pub fn summary(self) -> &'static str {
        match self {
            Surface::Dashboard => "Your readiness, next steps and the health of your data at a glance.",
            Surface::Assess => "Grade yourself against every criterion of your current and target level and see how ready you are.",
            Surface::Glossary => "Look up the words engineers at the next level use, and learn to use them in your case.",
            Surface::Plan => "Turn gaps into SMART goals with milestones, check-ins with your manager and weekly goals.",
            Surface::Evidence => "Log what you shipped, the numbers you moved and the people you helped, linked to the criteria they prove.",
            Surface::Talk => "Prepare the promotion conversation, or the one after being passed over, with scripts filled from your own notes.",
            Surface::Review => "Ask your manager or a peer to grade you, or grade a colleague who asked you, by files you send: no server, no account.",
            Surface::Data => "See where your data lives, back it up, export it, import it and restore it.",
            Surface::Rubric => "Read the leveling rubric, or bring in and edit your company's own guide.",
        }
    }

    /// Its short name in the navigation.
    pub fn nav_label(self) -> &'static str {
        match self {
            Surface::Dashboard => "Dashboard",
            Surface::Assess => "Assess",
            Surface::Glossary => "Glossary",
            Surface::Plan => "Plan",
            Surface::Evidence => "Evidence",
            Surface::Talk => "Talk",
            Surface::Review => "Review",
            Surface::Data => "Your data",
            Surface::Rubric => "Rubric",
        }
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_nav_route_from_its_own_href() {
        for route in Route::NAV {
            assert_eq!(
                Route::parse(&route.href()),
                Some(route.clone()),
                "{route:?}"
            );
        }
    }

    #[test]
    fn empty_hash_and_root_are_the_dashboard() {
        for hash in ["", "#", "#/", "#//"] {
            assert_eq!(Route::parse(hash), Some(Route::Dashboard), "{hash:?}");
        }
    }

    #[test]
    fn glossary_terms_are_deep_linkable() {
        let route = Route::parse("#/glossary/error-budget").unwrap();
        assert_eq!(route, Route::GlossaryTerm("error-budget".into()));
        assert_eq!(route.href(), "#/glossary/error-budget");
        assert!(Route::Glossary.is_section_of(&route));
        assert!(!Route::Plan.is_section_of(&route));
    }

    #[test]
    fn plan_pages_are_sections_of_the_plan() {
        let cases = [
            ("#/plan/check-ins", Route::CheckIns),
            ("#/plan/weeks", Route::Weeks),
            ("#/plan/gmi8k2x0", Route::Goal("gmi8k2x0".into())),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), Some(route.clone()), "{hash}");
            assert_eq!(route.href(), hash);
            assert!(Route::Plan.is_section_of(&route), "{hash}");
            assert_eq!(route.nav_label(), "Plan");
        }
        assert_eq!(
            Route::parse("#/plan/Not an id"),
            Some(Route::NotFound("plan/Not an id".into()))
        );
    }

    #[test]
    fn log_pages_are_sections_of_the_log() {
        let cases = [
            ("#/evidence/coverage", Route::Coverage),
            ("#/evidence/packet", Route::Packet),
            ("#/evidence/update", Route::Update),
            (
                "#/evidence/e1795000000000",
                Route::Entry("e1795000000000".into()),
            ),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), Some(route.clone()), "{hash}");
            assert_eq!(route.href(), hash);
            assert!(Route::Evidence.is_section_of(&route), "{hash}");
        }
    }

    #[test]
    fn a_conversation_is_a_section_of_conversation_prep() {
        let route = Route::Conversation("passed-over".into());
        assert_eq!(Route::parse("#/talk/passed-over"), Some(route.clone()));
        assert_eq!(route.href(), "#/talk/passed-over");
        assert_eq!(route.surface(), Some(Surface::Talk));
        assert!(Route::Talk.is_section_of(&route));
        assert_eq!(
            Route::parse("#/talk/Not an id"),
            Some(Route::NotFound("talk/Not an id".into()))
        );
    }

    #[test]
    fn trailing_slash_and_query_are_ignored() {
        assert_eq!(Route::parse("#/plan/"), Some(Route::Plan));
        assert_eq!(Route::parse("#/plan?week=3"), Some(Route::Plan));
    }

    #[test]
    fn fragments_that_are_not_routes_leave_the_page_alone() {
        assert_eq!(Route::parse("#main"), None);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::parse("#/nope"), Some(Route::NotFound("nope".into())));
        assert_eq!(
            Route::parse("#/glossary/Bad Id"),
            Some(Route::NotFound("glossary/Bad Id".into()))
        );
    }

    #[test]
    fn every_page_belongs_to_the_surface_its_address_names() {
        let pages = [
            "#/",
            "#/assess",
            "#/assess/results",
            "#/glossary",
            "#/glossary/error-budget",
            "#/plan",
            "#/plan/gmi8k2x0",
            "#/plan/check-ins",
            "#/plan/weeks",
            "#/evidence",
            "#/evidence/e1795000000000",
            "#/evidence/coverage",
            "#/evidence/packet",
            "#/evidence/update",
            "#/talk",
            "#/review",
            "#/review/ask",
            "#/review/r-kx2p9a-3f",
            "#/data",
            "#/rubric",
        ];
        for hash in pages {
            let route = Route::parse(hash).unwrap();
            let surface = route.surface().unwrap();
            let first = hash.trim_start_matches("#/").split('/').next().unwrap();
            assert_eq!(surface.slug(), first, "{hash}");
            assert_eq!(route.nav_label(), surface.nav_label(), "{hash}");
        }
        assert_eq!(Route::NotFound("x".into()).surface(), None);
        let slugs: std::collections::HashSet<_> = Surface::ALL.map(Surface::slug).into();
        assert_eq!(slugs.len(), Surface::ALL.len(), "every slug is its own");
    }

    #[test]
    fn the_navigation_lists_every_surface_once() {
        let surfaces: Vec<_> = Route::NAV.iter().map(|r| r.surface().unwrap()).collect();
        assert_eq!(surfaces, Surface::ALL);
    }

    #[test]
    fn only_a_nav_entry_of_the_same_surface_is_current() {
        assert!(Route::Plan.is_section_of(&Route::Weeks));
        assert!(Route::Dashboard.is_section_of(&Route::Dashboard));
        assert!(!Route::Dashboard.is_section_of(&Route::NotFound("x".into())));
        assert!(!Route::Assess.is_section_of(&Route::Plan));
    }

    #[test]
    fn every_route_has_a_title_and_a_summary() {
        for route in Route::NAV {
            assert!(!route.title().is_empty());
            assert!(route.summary().ends_with('.'));
            assert!(!route.nav_label().is_empty());
        }
    }
}
