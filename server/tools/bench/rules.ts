// Item 4: a full rules run (every enabled rule over every period), each in a process of its own;
// the run of median duration is recorded, with its own peak memory.
import { runChildTask } from './run-child.js';
import { medianBy } from './sampling.js';

export async function measureRules(db: string, now: Date, runs: number) {
  const figures = [];
  // Each run finds the findings the one before it stored: the same work every time.
  for (let i = 0; i < runs; i++) figures.push(await runChildTask({ task: 'rules', db, now: now.toISOString() }));
  const median = medianBy(figures, (f) => f.seconds);
  return { 'rules.fullRunSeconds': median.seconds, 'rules.peakRssMb': median.peakRssMb, 'rules.findingsHit': median.count };
}
