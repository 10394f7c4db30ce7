// Small statistics for the corpus note: percentiles, mean, ROC AUC.

/** p-th percentile (0–100) of numbers, by linear interpolation between closest ranks. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p / 100) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function mean(values) {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * ROC AUC of a score that should rank positives above negatives: the Mann-Whitney U statistic over
 * (positives × negatives), a tie counting one half. Computed from mid-ranks in O(n log n).
 */
export function rocAuc(positives, negatives) {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const all = [...positives.map((score) => ({ score, positive: true })), ...negatives.map((score) => ({ score, positive: false }))];
  all.sort((a, b) => a.score - b.score);
  let positiveRankSum = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end < all.length && all[end].score === all[start].score) end++;
    const midRank = (start + 1 + end) / 2; // ranks start..end-1 (1-based start+1..end) share their mean
    for (let i = start; i < end; i++) if (all[i].positive) positiveRankSum += midRank;
    start = end;
  }
  const u = positiveRankSum - (positives.length * (positives.length + 1)) / 2;
  return u / (positives.length * negatives.length);
}
