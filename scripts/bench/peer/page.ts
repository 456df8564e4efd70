// The peer benchmark page: @recogito/text-annotator showing the same long article and spans.
import { createTextAnnotator } from '@recogito/text-annotator';

interface PeerSpan {
  id: string;
  start: number;
  end: number;
  quote: string;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function annotation(s: PeerSpan) {
  return { id: s.id, bodies: [], target: { annotation: s.id, selector: [{ quote: s.quote, start: s.start, end: s.end }] } };
}

(window as unknown as { runPeer: unknown }).runPeer = async (text: string, spans: PeerSpan[], extra: PeerSpan[]) => {
  const container = document.getElementById('article')!;
  const t0 = performance.now();
  container.textContent = text;
  const annotator = createTextAnnotator(container);
  annotator.setAnnotations(spans.map(annotation) as never, true);
  await frame();
  await frame();
  const openMs = performance.now() - t0;
  const addMs: number[] = [];
  for (const s of extra) {
    const a0 = performance.now();
    annotator.addAnnotation(annotation(s) as never);
    await frame();
    addMs.push(performance.now() - a0);
  }
  return { openMs, addMs };
};
