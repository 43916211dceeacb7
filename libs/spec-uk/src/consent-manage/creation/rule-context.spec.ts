import { ukRejection, UkErrorCode } from '../../shared/uk-error.js';
import { firstRejection } from './rule-context.js';

const FIRST = ukRejection(400, UkErrorCode.FieldInvalid, 'first', 'Data.A');
const SECOND = ukRejection(400, UkErrorCode.FieldInvalid, 'second', 'Data.B');

describe(firstRejection.name, () => {
  it('is undefined when every check passes, and for no checks', () => {
    expect(firstRejection([() => undefined, () => undefined])).toBeUndefined();
    expect(firstRejection([])).toBeUndefined();
  });

  it('gives the first rejection in order and runs no check after it', () => {
    const ran: string[] = [];
    const check = (name: string, rejection?: typeof FIRST) => () => {
      ran.push(name);
      return rejection;
    };
    expect(firstRejection([check('a'), check('b', FIRST), check('c', SECOND), check('d')])).toBe(FIRST);
    expect(ran).toEqual(['a', 'b']);
  });
});
