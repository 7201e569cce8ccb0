//! The assessment on irregular ladders, as real ones are: 2 to 15 levels,
//! one to three tracks, areas with nothing at some levels and different
//! counts per level, levels named "1" or "Senior Engineer 2 (People
//! Manager)". Readiness, the level diff, the snapshot and the report work
//! on any of them, and an area with nothing at a level is shown as such.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rungs::core::assessment::{level_diff, Assessment, Edit, Grade, Perspective, Stage};
use rungs::core::evidence::Log;
use rungs::core::export::readiness::Include;
use rungs::core::rubric::{Area, Criterion, Level, Rubric, Track};

/// A rubric with `levels` levels and, per track and area, the number of
/// criteria at each level (taken round-robin from `counts`, 0 included).
fn ladder(levels: usize, tracks: usize, areas: usize, counts: &[usize]) -> Rubric {
    let names = [
        "1",
        "Senior Engineer 2 (People Manager)",
        "Staff | Lead",
        "L*4*",
    ];
    let levels: Vec<Level> = (0..levels)
        .map(|i| Level {
            id: format!("l{i}"),
            name: format!("{} {i}", names[i % names.len()]),
            summary: String::new(),
        })
        .collect();
    let mut n = 0;
    let tracks = (0..tracks)
        .map(|t| Track {
            id: format!("t{t}"),
            name: format!("Track {t}"),
            summary: String::new(),
            areas: (0..areas)
                .map(|a| Area {
                    id: format!("t{t}a{a}"),
                    name: format!("Area {a}"),
                    summary: String::new(),
                    criteria: levels
                        .iter()
                        .flat_map(|level| {
                            n += 1;
                            let count = counts[n % counts.len()];
                            (0..count).map(move |c| Criterion {
                                id: format!("t{t}.a{a}.{}.{c}", level.id),
                                level: level.id.clone(),
                                text: format!("Does thing {c} at {}", level.name),
                                ..Default::default()
                            })
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Rubric {
        id: "irregular".into(),
        name: "Irregular".into(),
        description: String::new(),
        source: String::new(),
        licence: String::new(),
        cumulative: false,
        levels,
        tracks,
    }
}

proptest! {
    #![proptest_config(common::bounded(150))]

    #[test]
    fn any_ladder_can_be_assessed_reported_and_diffed(
        levels in 2usize..=15,
        tracks in 1usize..=3,
        areas in 1usize..=6,
        counts in prop::collection::vec(0usize..=4, 1..6),
        track in 0usize..3,
        current in 0usize..15,
        target in 0usize..15,
        grades in prop::collection::vec((0usize..400, 0u8..7), 0..60),
    ) {
        let rubric = ladder(levels, tracks, areas, &counts);
        let mut assessment = Assessment::default();
        assessment.apply(Edit::Track(format!("t{}", track % tracks)));
        assessment.apply(Edit::Current(format!("l{}", current % levels)));
        assessment.apply(Edit::Target(Some(format!("l{}", target % levels))));
        let ids: Vec<String> = rubric.tracks.iter()
            .flat_map(|t| &t.areas)
            .flat_map(|a| &a.criteria)
            .map(|c| c.id.clone())
            .collect();
        for (pick, choice) in grades {
            let Some(id) = ids.get(pick % ids.len().max(1)).cloned() else { break };
            let edit = match choice {
                0..=3 => Edit::Grade { criterion: id, perspective: Perspective::Mine, grade: Some(Grade::ALL[choice as usize]) },
                4 => Edit::Grade { criterion: id, perspective: Perspective::Manager, grade: Some(Grade::Beyond) },
                5 => Edit::NotApplicable { criterion: id, not_applicable: true },
                _ => Edit::Evidence { criterion: id, text: "Shipped | it\n# twice".into() },
            };
            assessment.apply(edit);
        }

        let report = assessment.report(&rubric, &Log::default()).expect("a level is chosen");
        let selection = assessment.selection(&rubric).unwrap();
        prop_assert_eq!(report.areas.len(), areas);
        for area in &report.areas {
            for (score, stage) in [(Some(area.current), Stage::Current), (area.target, Stage::Target)] {
                let Some(score) = score else { continue };
                prop_assert!(score.graded <= score.total);
                // Nothing graded, or nothing at the level: no figure, no verdict.
                prop_assert_eq!(score.percent().is_none(), score.graded == 0);
                prop_assert!(score.percent().is_none_or(|p| p <= 100));
                // Never "grade 0 more" for a verdict.
                prop_assert!(!score.standing(stage).starts_with("Grade 0 "));
                if score.total == 0 {
                    prop_assert_eq!(score.verdict(stage), None);
                    let said = if score.excluded == 0 { "nothing at this level" } else { "none apply to your role" };
                    prop_assert_eq!(score.coverage(), said);
                }
            }
        }
        let sum = report.areas.iter().map(|a| a.current.total).sum::<u32>();
        prop_assert_eq!(report.overall_current.total, sum);
        prop_assert_eq!(report.target.is_some(), report.overall_target.is_some());

        // The level diff covers every area of the track.
        if let Some(target) = selection.target {
            let diff = level_diff(selection.track, selection.current, target);
            prop_assert_eq!(diff.len(), areas);
        }

        // The snapshot has no area with nothing graded, and the report is
        // well-formed Markdown whatever the names and the text.
        let snapshot = report.snapshot(1);
        prop_assert!(snapshot.areas.len() <= areas);
        let md = report.markdown(&rubric, "today", Include { notes: true });
        prop_assert!(md.starts_with("# "));
        let cells = |line: &str| line.replace(r"\|", "").matches('|').count();
        for table in md.split("\n\n").filter(|block| block.starts_with('|')) {
            let header = cells(table.lines().next().unwrap());
            prop_assert!(table.lines().all(|row| cells(row) == header), "{}", table);
        }
        prop_assert!(!md.lines().any(|l| l.starts_with("# ") && l.contains("twice")));
    }
}

#[test]
fn a_two_level_ladder_with_an_empty_area_at_the_top() {
    // Two levels; the second area has nothing at the top level.
    let mut rubric = ladder(2, 1, 2, &[2]);
    rubric.tracks[0].areas[1]
        .criteria
        .retain(|c| c.level == "l0");
    let mut a = Assessment::default();
    a.apply(Edit::Current("l0".into()));
    let report = a.report(&rubric, &Log::default()).unwrap();
    let empty = report.areas[1].target.unwrap();
    assert_eq!(empty.total, 0);
    assert_eq!(empty.coverage(), "nothing at this level");
    assert_eq!(empty.percent_label(), "\u{2013}");
    // The top level has no target, and still reports.
    a.apply(Edit::Current("l1".into()));
    let top = a.report(&rubric, &Log::default()).unwrap();
    assert_eq!(top.target, None);
    assert_eq!(top.areas[1].current.coverage(), "nothing at this level");
}
