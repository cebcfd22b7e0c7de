// Filler vocabulary for generated pages: ordinary news words, and rarer words that are also anchor
// words of the topics ("European", "cooperation"), as on real news pages.

// biome-ignore format: a word list reads best packed
export const words = [
  'the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'on', 'with', 'as', 'by', 'at', 'from',
  'was', 'were', 'said', 'says', 'has', 'have', 'had', 'will', 'would', 'could', 'after', 'before',
  'government', 'minister', 'officials', 'report', 'city', 'council', 'market', 'prices', 'week',
  'year', 'month', 'people', 'police', 'court', 'judge', 'election', 'voters', 'party', 'leader',
  'president', 'company', 'shares', 'investors', 'bank', 'rates', 'economy', 'growth', 'jobs',
  'workers', 'union', 'strike', 'schools', 'teachers', 'students', 'hospital', 'doctors', 'health',
  'climate', 'energy', 'oil', 'gas', 'power', 'storm', 'flood', 'weather', 'rain', 'fire',
  'football', 'match', 'season', 'club', 'coach', 'players', 'goal', 'final', 'league', 'fans',
  'film', 'music', 'festival', 'book', 'author', 'museum', 'art', 'theatre', 'review', 'show',
  'budget', 'tax', 'spending', 'plan', 'policy', 'law', 'bill', 'vote', 'debate', 'talks',
  'agreement', 'deal', 'trade', 'exports', 'imports', 'border', 'migrants', 'housing', 'rent',
  'transport', 'train', 'airport', 'flights', 'road', 'traffic', 'bridge', 'station', 'village',
  'region', 'capital', 'country', 'nation', 'world', 'security', 'summit', 'forces', 'crisis',
  'army', 'troops', 'navy', 'ships', 'aircraft', 'treaty', 'embassy', 'diplomats', 'sanctions',
  'science', 'research', 'study', 'data', 'technology', 'phone', 'internet', 'software', 'online',
  'new', 'old', 'big', 'small', 'early', 'late', 'local', 'national', 'public', 'private', 'major',
  'first', 'second', 'last', 'next', 'more', 'less', 'most', 'many', 'few', 'several', 'other',
  'announced', 'rejected', 'approved', 'warned', 'promised', 'denied', 'confirmed', 'expected',
  'opened', 'closed', 'raised', 'cut', 'rose', 'fell', 'won', 'lost', 'signed', 'launched',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'morning',
  'evening', 'night', 'today', 'yesterday', 'recently', 'again', 'still', 'only', 'also', 'about',
] as const;

/** Words that pass the anchor prefilter without naming a topic; one sentence in 80 holds one. */
export const anchorWords = ['European', 'cooperation', 'defense', 'Alliance', 'missile'] as const;
