// Item 4: a full rules run (every enabled rule over every period), in a process of its own.
import { runChildTask } from './run-child.js';

export async function measureRules(db: string, now: Date) {
  const figures = await runChildTask({ task: 'rules', db, now: now.toISOString() });
  return { 'rules.fullRunSeconds': figures.seconds, 'rules.peakRssMb': figures.peakRssMb, 'rules.findingsHit': figures.count };
}
