// Weighted, L2-regularised logistic regression over binary features with a box constraint on each
// weight, by cyclic coordinate descent (one damped Newton step per coordinate, then projected onto
// its box). Deterministic: fixed order, no randomness, no dependency. SpamAssassin's masses fit its
// scores with a perceptron under score ranges; this is the same idea with a convex loss, so the
// optimum is unique and a refit reproduces it.
//
// Minimises  Σ_m c_m · [log(1 + e^{z_m}) − y_m·z_m]  +  λ/2 · Σ_j (w_j − μ_j)²,  z_m = b + Σ_{j∈hits(m)} w_j
// subject to lower_j ≤ w_j ≤ upper_j. The intercept b is free and unpenalised.

const MAX_SWEEPS = 10_000;
const TOLERANCE = 1e-10;
// Newton steps on a logistic loss overshoot where the curvature is tiny; capping a step at one unit
// of log-odds (as liblinear's trust region does) keeps every sweep a descent.
const MAX_STEP = 1;

/**
 * @param rows      each message's feature indices (the rules that fired)
 * @param labels    1 spam, 0 ham
 * @param weights   each message's weight c_m
 * @param features  { centre μ_j, lower_j, upper_j } per feature
 * @param lambda    strength of the pull towards μ
 * @returns { coefficients, intercept, sweeps }
 */
export function fitLogistic({ rows, labels, weights, features, lambda }) {
  const messagesOf = features.map(() => []);
  rows.forEach((hits, m) => hits.forEach((j) => messagesOf[j].push(m)));

  const coefficients = features.map(({ centre, lower, upper }) => clamp(centre, lower, upper));
  let intercept = 0;
  const z = rows.map((hits) => hits.reduce((sum, j) => sum + coefficients[j], 0));

  // gradient and curvature of the data term over the given messages
  const slope = (messages) => {
    let gradient = 0;
    let curvature = 0;
    for (const m of messages) {
      const p = sigmoid(z[m]);
      gradient += weights[m] * (p - labels[m]);
      curvature += weights[m] * p * (1 - p);
    }
    return { gradient, curvature };
  };
  const allMessages = rows.map((_, m) => m);

  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    let largestStep = 0;

    const data = slope(allMessages);
    const interceptStep = data.curvature > 0 ? clamp(-data.gradient / data.curvature, -MAX_STEP, MAX_STEP) : 0;
    if (interceptStep !== 0) {
      intercept += interceptStep;
      for (let m = 0; m < z.length; m++) z[m] += interceptStep;
      largestStep = Math.abs(interceptStep);
    }

    features.forEach(({ centre, lower, upper }, j) => {
      const { gradient, curvature } = slope(messagesOf[j]);
      const g = gradient + lambda * (coefficients[j] - centre);
      const h = curvature + lambda;
      const next = clamp(coefficients[j] - clamp(g / h, -MAX_STEP, MAX_STEP), lower, upper);
      const step = next - coefficients[j];
      if (step === 0) return;
      coefficients[j] = next;
      for (const m of messagesOf[j]) z[m] += step;
      largestStep = Math.max(largestStep, Math.abs(step));
    });

    if (largestStep < TOLERANCE) return { coefficients, intercept, sweeps: sweep };
  }
  throw new Error(`logistic fit did not converge in ${MAX_SWEEPS} sweeps`);
}

function sigmoid(x) {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function clamp(value, lower, upper) {
  return Math.min(upper, Math.max(lower, value));
}
