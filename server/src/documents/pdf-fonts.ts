// The fonts our PDFs are set in: Noto Sans Hans (shipped by @embedpdf/fonts-sc, embedded as a
// subset), so that Chinese names render instead of empty boxes.
import { createRequire } from 'node:module';
import path from 'node:path';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

/**
 * Registers the fonts as 'text' and 'bold'. Each font a document uses costs real CPU when the
 * document ends (fontkit subsets the large CFF font): a short document may register 'text' only.
 */
export function registerCjkFonts(doc: PDFKit.PDFDocument, weights: 'text' | 'text and bold' = 'text and bold'): void {
  doc.registerFont('text', path.join(fontDir, 'NotoSansHans-Regular.otf'));
  if (weights === 'text and bold') doc.registerFont('bold', path.join(fontDir, 'NotoSansHans-Bold.otf'));
}
