import { describe, expect, it } from 'vitest';
import { readForm, writeField } from './yaml-form.ts';

const text = `# a comment that must survive
version: 1
name: quick
domain:
  dimensions: 2
  size: [500, 500, 20]
  voxel: 20
time:
  duration: 720 # twelve hours
  output: 120
seed: 1
`;

describe('scenario form over YAML', () => {
  it('reads the form fields from the text', () => {
    expect(readForm(text)).toMatchObject({ name: 'quick', duration: '720', output: '120', sizeX: '500', sizeY: '500', voxel: '20', boundary: '', seed: '1' });
    expect(readForm('a: [unclosed')).toBeNull();
  });

  it('writes one field and keeps comments, flow lists and other keys', () => {
    const t = writeField(text, 'duration', '1440');
    expect(t).toContain('duration: 1440 # twelve hours');
    expect(t).toContain('# a comment that must survive');
    const s = writeField(t, 'sizeX', '600');
    expect(s).toContain('size: [ 600, 500, 20 ]');
    expect(readForm(s)).toMatchObject({ duration: '1440', sizeX: '600', name: 'quick' });
    const b = writeField(s, 'boundary', 'no-flux');
    expect(readForm(b)!.boundary).toBe('no-flux');
    expect(readForm(writeField(b, 'boundary', ''))!.boundary).toBe('');
    // not a number: kept as text so the server's validation names the problem
    expect(writeField(text, 'duration', 'soon')).toContain('duration: soon');
  });
});
