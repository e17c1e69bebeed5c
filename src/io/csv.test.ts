import { describe, expect, it } from 'vitest';
import { formatCsv } from './csv.ts';

describe('formatCsv', () => {
  it('quotes what needs quoting and keeps numbers exact', () => {
    expect(formatCsv(['a', 'b,c'], [[0.1 + 0.2, 'say "hi"'], [null, 'x\ny'], [-0, { k: [1] }]])).toBe(
      'a,"b,c"\r\n0.30000000000000004,"say ""hi"""\r\n,"x\ny"\r\n0,"{""k"":[1]}"\r\n',
    );
  });
});
