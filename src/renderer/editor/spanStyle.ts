import type { LabelDef } from '../../common/model';

/** Underline patterns, one per label in schema order, so labels differ without colour too. */
const PATTERNS = ['solid', 'dashed', 'dotted', 'double'] as const;

export function labelPattern(index: number): (typeof PATTERNS)[number] {
  return PATTERNS[index % PATTERNS.length];
}

/** One underline as a background layer: the label's pattern in a colour, `px` thick. */
export function underline(color: string, pattern: (typeof PATTERNS)[number], px = 2): { image: string; size: string } {
  switch (pattern) {
    case 'solid':
      return { image: `linear-gradient(${color}, ${color})`, size: `100% ${px}px` };
    case 'dashed':
      return { image: `repeating-linear-gradient(90deg, ${color} 0 6px, transparent 6px 9px)`, size: `100% ${px}px` };
    case 'dotted':
      return { image: `repeating-linear-gradient(90deg, ${color} 0 2px, transparent 2px 4px)`, size: `100% ${px}px` };
    case 'double':
      return { image: `linear-gradient(${color} 0 1px, transparent 1px 2px, ${color} 2px 3px)`, size: '100% 3px' };
  }
}

/**
 * Inline style of a painted segment: one stacked underline per covering span (outermost lowest)
 * in its label's colour and pattern, and a light tint of the innermost label.
 */
export function segmentStyle(labels: (LabelDef | undefined)[], schemaIndex: (name: string) => number): string {
  const images: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  labels.forEach((label, depth) => {
    const color = label?.color ?? '#999999';
    const u = underline(color, labelPattern(label ? schemaIndex(label.name) : 0));
    images.push(u.image);
    sizes.push(u.size);
    positions.push(`0 calc(100% - ${depth * 4}px)`);
  });
  const inner = labels[labels.length - 1]?.color ?? '#999999';
  return [
    `background-image: ${images.join(', ')}, linear-gradient(${inner}22, ${inner}22)`,
    `background-size: ${sizes.join(', ')}, 100% 100%`,
    `background-position: ${positions.join(', ')}, 0 0`,
    'background-repeat: no-repeat',
    `padding-bottom: ${Math.max(0, labels.length - 1) * 4 + 2}px`,
  ].join('; ');
}

/** Stylesheet rules `.g-span.g-l<i>` for segments under a single span of each label. */
export function labelStylesheet(labels: (LabelDef | undefined)[]): string {
  return labels.map((label, i) => `.article-text .g-span.g-l${i} { ${segmentStyle([label], () => i)} }`).join('\n');
}
