/** What the demo office schedules, per module kind: how often, how long, and the statuses it goes through. */
export interface DemoKind {
  module: string;
  kind: string;
  weight: number;
  titles: string[];
  /** minutes; 0 = a deadline (start = end) */
  durations: number[];
  allDay?: boolean;
  past: [string, number][];
  future: [string, number][];
  priority?: [string, number][];
  visibility?: 'public' | 'internal' | 'private';
  personal?: boolean;
  atCommunity?: boolean;
  /** share of these entries that are recurring series, with their rules */
  series?: { share: number; rules: string[] };
}

const NORMAL: [string, number][] = [['normal', 70], ['high', 20], ['low', 8], ['urgent', 2]];

export const DEMO_KINDS: DemoKind[] = [
  { module: 'coordination', kind: 'event', weight: 14, atCommunity: true, titles: ['Inter-agency coordination meeting', 'LGU coordination meeting', 'Peace and order council briefing', 'Partners forum'], durations: [60, 90, 120, 180], past: [['completed', 9], ['cancelled', 1]], future: [['confirmed', 6], ['planned', 3]], series: { share: 0.35, rules: ['FREQ=WEEKLY;COUNT=12', 'FREQ=MONTHLY;BYDAY=1MO;COUNT=6', 'FREQ=WEEKLY;INTERVAL=2;COUNT=8'] } },
  { module: 'coordination', kind: 'stakeholder_engagement', weight: 8, atCommunity: true, titles: ['Courtesy call with the municipal mayor', 'Dialogue with religious leaders', 'Engagement with youth organisations'], durations: [60, 120], past: [['completed', 9], ['cancelled', 1]], future: [['planned', 5], ['confirmed', 5]] },
  { module: 'coordination', kind: 'communication_follow_up', weight: 5, titles: ['Follow up letter to the provincial office', 'Send minutes to partners', 'Reply to NGO request'], durations: [0], past: [['closed', 8], ['responded', 2]], future: [['pending', 6], ['sent', 3], ['awaiting_response', 2]] },
  { module: 'coordination', kind: 'partnership_milestone', weight: 2, titles: ['MOA signing with partner NGO', 'Partnership review'], durations: [0], allDay: true, past: [['achieved', 9], ['deferred', 1]], future: [['pending', 8], ['in_progress', 2]] },
  { module: 'mana', kind: 'assessment_milestone', weight: 5, atCommunity: true, titles: ['MANA planning workshop', 'Data collection ends', 'MANA analysis review', 'MANA report due'], durations: [0], allDay: true, past: [['completed', 8], ['delayed', 2]], future: [['pending', 7], ['in_progress', 3]], priority: [['high', 50], ['normal', 50]] },
  { module: 'mana', kind: 'baseline_data_collection', weight: 6, atCommunity: true, titles: ['Household survey', 'Focus group discussion', 'Key informant interviews'], durations: [180, 240, 360], past: [['completed', 9], ['cancelled', 1]], future: [['scheduled', 6], ['planned', 4]], series: { share: 0.2, rules: ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10'] } },
  { module: 'mana', kind: 'need_follow_up', weight: 3, atCommunity: true, titles: ['Follow up: water supply need', 'Follow up: madrasah classroom repair', 'Follow up: livelihood training request'], durations: [0], past: [['resolved', 7], ['closed', 3]], future: [['open', 7], ['in_progress', 3]] },
  { module: 'staff', kind: 'task', weight: 14, personal: true, titles: ['Prepare travel report', 'Encode survey forms', 'Draft activity proposal', 'Liquidate cash advance', 'Update beneficiary list'], durations: [0, 60, 120], past: [['completed', 8], ['cancelled', 1], ['in_progress', 1]], future: [['not_started', 6], ['in_progress', 4]], priority: NORMAL, series: { share: 0.2, rules: ['FREQ=WEEKLY;BYDAY=FR;COUNT=8', 'FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6'] } },
  { module: 'staff', kind: 'training_session', weight: 4, titles: ['Training: gender and development', 'Training: records management', 'Training: conflict-sensitive programming'], durations: [240, 480], past: [['completed', 9], ['cancelled', 1]], future: [['open', 6], ['planned', 3], ['full', 1]], series: { share: 0.3, rules: ['FREQ=DAILY;COUNT=5', 'FREQ=WEEKLY;COUNT=4'] } },
  { module: 'staff', kind: 'leave', weight: 5, personal: true, visibility: 'private', allDay: true, titles: ['Vacation leave', 'Sick leave', 'Special privilege leave'], durations: [0], past: [['approved', 9], ['rejected', 1]], future: [['pending', 5], ['approved', 5]] },
  { module: 'staff', kind: 'performance_review', weight: 1, personal: true, visibility: 'private', titles: ['Semestral performance review'], durations: [60], past: [['completed', 10]], future: [['scheduled', 10]] },
  { module: 'policy', kind: 'recommendation_deadline', weight: 3, titles: ['Policy recommendation due: IP rights', 'Policy recommendation due: madaris support', 'Policy brief due'], durations: [0], allDay: true, past: [['approved', 6], ['implemented', 2], ['rejected', 1], ['withdrawn', 1]], future: [['draft', 5], ['in_progress', 3], ['under_review', 2]], priority: [['high', 60], ['normal', 40]] },
  { module: 'policy', kind: 'consultation', weight: 3, atCommunity: true, titles: ['Public consultation', 'Sectoral consultation with women leaders'], durations: [180, 240], past: [['completed', 9], ['cancelled', 1]], future: [['scheduled', 7], ['tentative', 3]] },
  { module: 'policy', kind: 'review_meeting', weight: 2, titles: ['Policy review meeting', 'Technical working group'], durations: [90, 120], past: [['completed', 9], ['cancelled', 1]], future: [['scheduled', 8], ['tentative', 2]], series: { share: 0.5, rules: ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=6'] } },
  { module: 'planning', kind: 'monitoring_milestone', weight: 4, titles: ['Project start', 'Mid-term monitoring visit', 'Project completion'], durations: [0], allDay: true, atCommunity: true, past: [['completed', 8], ['delayed', 2]], future: [['not_started', 5], ['on_track', 4], ['at_risk', 1]] },
  { module: 'planning', kind: 'workflow_stage_deadline', weight: 3, titles: ['Work and financial plan: division review', 'Procurement plan approval'], durations: [0], past: [['approved', 9], ['returned', 1]], future: [['pending', 5], ['in_progress', 3], ['in_review', 2]], priority: [['high', 50], ['normal', 50]] },
  { module: 'planning', kind: 'budget_hearing', weight: 1, titles: ['Budget hearing'], durations: [180], past: [['completed', 10]], future: [['scheduled', 10]] },
  { module: 'planning', kind: 'quarterly_report_deadline', weight: 1, titles: ['Quarterly accomplishment report due'], durations: [0], allDay: true, past: [['accepted', 9], ['returned', 1]], future: [['pending', 6], ['drafting', 4]], priority: [['high', 100]] },
  { module: 'community', kind: 'community_event', weight: 7, atCommunity: true, visibility: 'public', titles: ['Kanduli (thanksgiving feast)', 'Barangay assembly', 'Madrasah graduation', 'Community clean-up drive', 'Disaster preparedness drill'], durations: [120, 240, 480], past: [['completed', 9], ['cancelled', 1]], future: [['confirmed', 6], ['planned', 4]], series: { share: 0.15, rules: ['FREQ=MONTHLY;BYDAY=1SA;COUNT=12'] } },
  { module: 'community', kind: 'observance', weight: 1, allDay: true, visibility: 'public', titles: ['Shariff Kabunsuan Day', 'Bangsamoro Foundation Day', 'Araw ng Kagitingan'], durations: [0], past: [['observed', 10]], future: [['observed', 10]] },
];
