// A year of data, as a heavy user keeps it: 30 goals with milestones, 12
// saved assessments, 26 check-ins, 52 reviewed weeks, 50 own terms and 300
// entries in the accomplishment log. Used by `make bench` and the tests.

const GRADES = ['not-yet', 'sometimes', 'consistently', 'beyond'];
const day = (n) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10);
const text = (n, words) =>
  Array.from({ length: words }, (_, i) => ['ship', 'review', 'design', 'measure', 'mentor', 'latency', 'queue', 'team'][(n + i) % 8]).join(' ');

const KINDS = ['project', 'metric', 'leadership', 'mentoring', 'visibility', 'operations', 'learning', 'other'];
const CRITERIA = [
  'software.craft.senior.system-design',
  'software.craft.senior.hard-debugging',
  'software.craft.senior.quality-standards',
  'software.delivery.senior.project-milestones',
  'software.delivery.senior.scope-tradeoffs',
  'software.delivery.senior.unblocks-team',
];

/** 300 entries of the accomplishment log over the year, each proving one
 * to three criteria of the Senior level. */
function logEntries() {
  return Array.from({ length: 300 }, (_, i) => ({
    id: `e${i + 1}`,
    date: day(Math.floor(i * 1.2)),
    title: `Entry ${i}: ${text(i, 6)}`,
    story: text(i + 2, 40),
    ...(i % 3 === 0 ? { result: { metric: { name: 'p95 latency', before: 900 - i, after: 300, unit: 'ms' } } } : i % 3 === 1 ? { result: { sentence: text(i, 10) } } : {}),
    kind: KINDS[i % KINDS.length],
    ...(i % 2 === 0 ? { links: [`https://example.com/pr/${i}`] } : {}),
    ...(i % 4 === 0 ? { confirm: [{ name: 'Dana', role: 'engineering manager' }] } : {}),
    criteria: CRITERIA.slice(i % 5, (i % 5) + 1 + (i % 3)),
    tags: [['billing', 'search', 'platform'][i % 3]],
  }));
}

/** The `data` of a stored document holding a year of data; without the
 * log (`log: false`) for a build from before it existed. */
export function yearOfData({ log = true } = {}) {
  const ratings = {};
  for (let i = 0; i < 40; i += 1) {
    ratings[`software.craft.level-${i % 4}.criterion-${i}`] = {
      mine: GRADES[i % 4],
      ...(i % 3 === 0 ? { manager: GRADES[(i + 1) % 4] } : {}),
      note: text(i, 12),
      evidence: text(i + 3, 30),
    };
  }
  const snapshots = Array.from({ length: 12 }, (_, i) => ({
    at: Date.UTC(2026, i, 28),
    track: 'software',
    current: 'e2',
    target: 'senior',
    overall: { current: 40 + i * 3, target: 10 + i * 4 },
    areas: ['craft', 'impact', 'leadership', 'collaboration'].map((area, a) => ({ area, current: 30 + i * 4 + a, target: 5 + i * 5 })),
  }));
  const goals = Array.from({ length: 30 }, (_, i) => ({
    id: `goal-${i}`,
    outcome: `Goal ${i}: ${text(i, 10)}`,
    metric: text(i + 1, 4),
    baseline: `${i}`,
    target: `${i * 3}`,
    support: text(i + 2, 6),
    time: '2 hours a week',
    criteria: [`software.craft.level-1.criterion-${i % 40}`],
    due: day(i * 12 + 60),
    started: day(i * 12),
    done: i % 4 === 0 ? day(i * 12 + 50) : null,
    milestones: Array.from({ length: 4 }, (_, m) => ({
      id: `m-${i}-${m}`,
      title: `Milestone ${m}: ${text(i + m, 6)}`,
      due: day(i * 12 + m * 10),
      done: m < 2 ? day(i * 12 + m * 10 - 1) : null,
    })),
  }));
  const checkins = Array.from({ length: 26 }, (_, i) => ({
    id: `checkin-${i}`,
    date: day(i * 14),
    notes: text(i, 60),
    agreed: text(i + 4, 20),
    followups: Array.from({ length: 3 }, (_, f) => ({ id: `f-${i}-${f}`, text: text(i + f, 8) })),
  }));
  const weeks = Array.from({ length: 52 }, (_, i) => ({
    start: day(i * 7),
    items: Array.from({ length: 5 }, (_, w) => ({ id: `w-${i}-${w}`, text: text(i + w, 7), status: ['done', 'not-done', 'done', 'carried', 'done'][w] })),
  }));
  const terms = Array.from({ length: 50 }, (_, i) => ({
    id: `my-term-${i}`,
    name: `Term ${i} ${text(i, 2)}`,
    aliases: [`T${i}`],
    tags: ['process'],
    definition: text(i, 40),
    example: text(i + 1, 25),
  }));
  const familiarity = Object.fromEntries(terms.map((t, i) => [t.id, ['learning', 'confident'][i % 2]]));
  return {
    preferences: { theme: 'dark' },
    assessment: { track: 'software', current: 'e2', target: 'senior', ratings, snapshots },
    vocabulary: { terms, familiarity },
    plan: { target: '2027-06-01', goals, checkins, weeks },
    ...(log ? { evidence: { entries: logEntries(), narrative: { summary: text(1, 40) } } } : {}),
  };
}

/** The format of a document holding `yearOfData({ log })`. */
export const yearVersion = ({ log = true } = {}) => (log ? 8 : 4);

/** The year of data as a Rungs export file. */
export function yearFile(options) {
  return JSON.stringify({ format: 'rungs-data', version: yearVersion(options), revision: 400, saved_at: Date.UTC(2026, 11, 31), exported_at: Date.UTC(2026, 11, 31), data: yearOfData(options) });
}
