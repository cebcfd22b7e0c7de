// What a careful reader marks on the demo page (assets/demo/index.html), in document order, and
// the look-alikes it offers; shared by the jsdom test and the real-browser test.
import type { ExpectedMention } from './fixture-pages.js';

const nato = (text: string): ExpectedMention => ({ topic: 'nato-md', text });
const epaa = (text: string): ExpectedMention => ({ topic: 'epaa', text });
const jta = (text: string): ExpectedMention => ({ topic: 'jta', text });

/**
 * Not marked: "missile defenses to protect the US homeland" (US homeland defense), the "2012 RUSI
 * Missile Defense Conference" and the "Special Envoy … for Strategic Stability and Missile
 * Defense" (names of a conference and an office), and everything under "Related".
 */
export const demoMentions: ExpectedMention[] = [
  nato('NATO Missile Defense'),
  nato('NATO missile defense'), // split by <em>
  nato('missile defense cooperation'),
  nato('missile defense cooperation'),
  nato('missile defense'),
  epaa('European Phased Adaptive Approach'),
  nato('missile defense cooperation'),
  nato('missile defense'),
  nato('missile defense'),
  nato('missile defense'),
  nato('missile defense'),
  nato('missile defense'),
  nato('European missile defense'),
  nato('missile defense'),
  nato('territorial ballistic missile defense'),
  nato('ballistic missile defense'),
  nato('missile defense'),
  nato('ballistic missile defense'),
  epaa('European Phased Adaptive Approach'),
  epaa('EPAA'),
  nato('missile defense'),
  nato('missile defense'),
  nato('missile defense cooperation'),
  nato('missile defense cooperation'),
  nato('missile defense'),
  jta('Joint Threat Assessment'),
  jta('JTA'),
  jta('JTA'),
  nato('missile defense cooperation'),
  nato('missile defense'),
  nato('Missile defense'),
  nato('missile defense'),
];

/** The "Related" headlines: a JTA dateline, Israel's Iron Dome, the EPAA journal. */
export const demoLookalikes = ['(JTA)', 'Iron Dome missile defense', 'Archives (EPAA)'];
