// The sentences generated pages plant: real mentions of the three topics (some split across inline
// markup) and look-alikes that must not count (the Jewish Telegraphic Agency, a journal, Iron Dome).

export interface Special {
  html: string;
  /** Mentions Context Lens should find in this sentence. */
  mentions: number;
  /** Usable on the mention-dense page (one sentence, one mention, confirmed by the page). */
  dense?: boolean;
}

export const mentionSentences: readonly Special[] = [
  {
    html: 'Allies reviewed the <a href="/t/md">NATO missile defense</a> system in Brussels.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'Officials said the European Phased Adaptive Approach would proceed in phases.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'Under the <abbr>EPAA</abbr>, Aegis ships and a radar protect the south of the continent.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'The 2009 <em>Joint Threat Assessment</em> judged the program slower than feared.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'Russian experts took part in the JTA on missile threats.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'Ministers in Lisbon backed NATO <em>missile defence</em> cooperation.',
    mentions: 1,
    dense: true,
  },
  {
    html: 'Critics asked whether <strong>NATO\u2019s ballistic missile defense</strong> targets Moscow.',
    mentions: 1,
    dense: true,
  },
];

export const lookAlikes: readonly Special[] = [
  {
    html: 'NEW YORK (JTA) \u2014 A synagogue in Brooklyn hosted a concert on Sunday.',
    mentions: 0,
  },
  { html: 'The Jewish Telegraphic Agency (JTA) reported the story first.', mentions: 0 },
  {
    html: 'A paper in Education Policy Analysis Archives (EPAA) looked at school funding.',
    mentions: 0,
  },
  { html: 'Israel said its Iron Dome missile defense intercepted most rockets.', mentions: 0 },
  { html: 'JTA buses in Jacksonville will run a holiday schedule.', mentions: 0 },
  { html: 'Japan expanded its missile defense after the launch.', mentions: 0 },
  { html: 'The EPAA promotes alternative approaches to animal testing.', mentions: 0 },
];
