import { executeServerCommand } from '@web/test-runner-commands';

/** Presses keys together, such as `pressChord('Control', 'Enter')`: test/support/key-chord.mjs. */
export const pressChord = (...keys: string[]) => executeServerCommand('press-chord', { keys });
