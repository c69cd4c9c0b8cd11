import { describe, expect, it } from 'vitest';
import { batchedLines } from './batched-lines.ts';

/** A writer whose "end of the turn" is run by the test. */
function setUp() {
  const writes: string[] = [];
  const pending: (() => void)[] = [];
  const lines = batchedLines(
    (text) => writes.push(text),
    (flush) => pending.push(flush),
  );
  const endTurn = () => pending.splice(0).forEach((flush) => flush());
  return { lines, writes, endTurn };
}

describe('batchedLines', () => {
  it('writes the lines of one turn together, in order, each ending in a newline', () => {
    const { lines, writes, endTurn } = setUp();
    lines.write('{"n":1}');
    lines.write('{"n":2}');
    lines.write('{"n":3}');
    expect(writes).toEqual([]);
    endTurn();
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
  });

  it('starts a new batch for the next turn, and writes nothing for an empty one', () => {
    const { lines, writes, endTurn } = setUp();
    lines.write('a');
    endTurn();
    endTurn();
    lines.write('b');
    endTurn();
    expect(writes).toEqual(['a\n', 'b\n']);
  });

  it('flush writes what is queued at once, and the end of the turn adds nothing twice', () => {
    const { lines, writes, endTurn } = setUp();
    lines.write('before the error line');
    lines.flush();
    expect(writes).toEqual(['before the error line\n']);
    endTurn();
    expect(writes).toEqual(['before the error line\n']);
  });

  it('loses no line written while a flush is scheduled after an earlier flush', () => {
    const { lines, writes, endTurn } = setUp();
    lines.write('a');
    lines.flush();
    lines.write('b');
    endTurn();
    expect(writes).toEqual(['a\n', 'b\n']);
  });
});
