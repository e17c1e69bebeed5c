/**
 * Cells as WebGL2 point sprites on a canvas of their own, laid over the deck.gl view and drawn in
 * the same frame from its viewport (deck.gl keeps the field, the controller and the view state).
 *
 * Why not deck.gl's ScatterplotLayer: it draws every cell as an instanced quad through deck's
 * projection shaders. Measured in Chromium with software WebGL (SwiftShader, 2 cores), a pan frame
 * took 226 ms at 10^4 cells and 1.3 s at 10^5; a plain instanced quad with a minimal shader was as
 * slow (154 ms, 1.4 s — SwiftShader's instancing is the cost), while one point per cell took
 * 22–28 ms and 36–65 ms. (No GPU here to compare on; the points keep the view usable without one.) The one limit of points is the largest point size (ALIASED_POINT_SIZE_RANGE,
 * ≥ 1023 px in Chromium's back-ends): maxZoomFor() caps the zoom so that no cell is drawn above it.
 */

/** Clip-space transform of world (µm) → clip: clip = world · scale + offset, and device pixels per µm. */
export interface PointTransform {
  scale: [number, number];
  offset: [number, number];
  pixelsPerUm: number;
}

/**
 * The affine map from world to clip space of an orthographic viewport, from where it projects two
 * world points (in CSS pixels, y down), its size in CSS pixels and the device pixel ratio.
 */
export function pointTransform(p00: readonly number[], p11: readonly number[], width: number, height: number, dpr: number): PointTransform {
  const sx = p11[0]! - p00[0]!; // CSS px per µm along x
  const sy = p11[1]! - p00[1]!; // along y (negative when y points up)
  return {
    scale: [(2 * sx) / width, (-2 * sy) / height],
    offset: [(2 * p00[0]!) / width - 1, 1 - (2 * p00[1]!) / height],
    pixelsPerUm: Math.abs(sx) * dpr,
  };
}

/** The largest zoom (log2 scale) at which a cell of `maxRadiusUm` stays within `maxPointPx` device pixels. */
export function maxZoomFor(maxRadiusUm: number, maxPointPx: number, dpr: number): number {
  return Math.log2(maxPointPx / (2 * Math.max(maxRadiusUm, 1e-6) * dpr));
}

const VS = `#version 300 es
in vec2 position;
in float radius;
in vec4 colour;
uniform vec2 scale;
uniform vec2 offset;
uniform float pixelsPerUm;
out vec4 vColour;
out float vSize;
void main() {
  gl_Position = vec4(position * scale + offset, 0.0, 1.0);
  vSize = max(1.0, 2.0 * radius * pixelsPerUm);
  gl_PointSize = vSize;
  vColour = colour;
}`;

// A disc with a one-pixel soft edge (antialiasing without multisampling), premultiplied alpha.
const FS = `#version 300 es
precision mediump float;
in vec4 vColour;
in float vSize;
out vec4 fragColour;
void main() {
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  float d = length(q) * 0.5 * vSize;
  float a = clamp(0.5 * vSize - d + 0.5, 0.0, 1.0);
  if (a <= 0.0) discard;
  float alpha = vColour.a * a;
  fragColour = vec4(vColour.rgb * alpha, alpha); // premultiplied, as the page composites the canvas
}`;

export interface CellPoints {
  /** Largest point diameter this context draws, in device pixels. */
  readonly maxPointPx: number;
  /** Upload positions (x, y interleaved, µm), radii (µm) and RGBA colours for `count` cells. */
  setCells(positions: Float32Array, radii: Float32Array, colours: Uint8Array, count: number): void;
  /** Draw with the viewport's transform (call once per frame of the underlying view). */
  draw(t: PointTransform): void;
  /** Match the canvas to its container's size (CSS px) and the device pixel ratio. */
  resize(width: number, height: number, dpr: number): void;
  destroy(): void;
}

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`cell shader: ${gl.getShaderInfoLog(s) ?? 'did not compile'}`);
  return s;
}

export function createCellPoints(canvas: HTMLCanvasElement): CellPoints {
  const gl = canvas.getContext('webgl2', { antialias: false, premultipliedAlpha: true, alpha: true });
  if (!gl) throw new Error('WebGL2 is not available');
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VS));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FS));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`cell shaders: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const buffer = (name: string, size: number, type: number, normalized: boolean): WebGLBuffer => {
    const b = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, b);
    const loc = gl.getAttribLocation(program, name);
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, size, type, normalized, 0, 0);
    return b;
  };
  const positionBuf = buffer('position', 2, gl.FLOAT, false);
  const radiusBuf = buffer('radius', 1, gl.FLOAT, false);
  const colourBuf = buffer('colour', 4, gl.UNSIGNED_BYTE, true);
  const uScale = gl.getUniformLocation(program, 'scale');
  const uOffset = gl.getUniformLocation(program, 'offset');
  const uPixels = gl.getUniformLocation(program, 'pixelsPerUm');
  const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array;
  let count = 0;
  return {
    maxPointPx: range[1]!,
    setCells(positions, radii, colours, n) {
      gl.bindBuffer(gl.ARRAY_BUFFER, positionBuf);
      gl.bufferData(gl.ARRAY_BUFFER, positions.subarray(0, 2 * n), gl.DYNAMIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, radiusBuf);
      gl.bufferData(gl.ARRAY_BUFFER, radii.subarray(0, n), gl.DYNAMIC_DRAW);
      gl.bindBuffer(gl.ARRAY_BUFFER, colourBuf);
      gl.bufferData(gl.ARRAY_BUFFER, colours.subarray(0, 4 * n), gl.DYNAMIC_DRAW);
      count = n;
    },
    draw(t) {
      gl.viewport(0, 0, canvas.width, canvas.height);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      if (count === 0) return;
      gl.useProgram(program);
      gl.bindVertexArray(vao);
      gl.uniform2f(uScale, t.scale[0], t.scale[1]);
      gl.uniform2f(uOffset, t.offset[0], t.offset[1]);
      gl.uniform1f(uPixels, t.pixelsPerUm);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.drawArrays(gl.POINTS, 0, count);
    },
    resize(width, height, dpr) {
      const w = Math.max(1, Math.round(width * dpr));
      const h = Math.max(1, Math.round(height * dpr));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
    },
    destroy() {
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}
