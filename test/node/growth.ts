import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Collected before each timed run, untimed: a run never pays for the garbage of the one before it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * How much longer `work` takes each time its input doubles, measured from `size` to 8 × `size`:
 * about 2 for linear work, 4 for quadratic. It counts this process's CPU time, not the clock's, so
 * other processes on a busy machine do not count; each input runs enough times to take 20 ms or
 * more, the two alternately with garbage collected before each, and the best of five counts. Sizes
 * small enough for memory caches and the young generation keep the constant factor constant.
 */
export function growth(work: (input: string) => unknown, input: (size: number) => string, size: number): number {
  const small = input(size);
  const large = input(size * 8);
  let repeats = 1;
  const time = (text: string) => {
    collectGarbage();
    const start = process.cpuUsage();
    for (let index = 0; index < repeats; index += 1) work(text);
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
  while (time(small) < 20) repeats *= 2;
  let best = { small: Infinity, large: Infinity };
  for (let round = 0; round < 5; round += 1) best = { small: Math.min(best.small, time(small)), large: Math.min(best.large, time(large)) };
  return Math.cbrt(best.large / best.small);
}
