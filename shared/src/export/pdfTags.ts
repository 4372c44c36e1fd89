/**
 * Tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1) on top of pdf-lib, which
 * writes none of it: a structure tree (Document, headings, paragraphs, lists,
 * tables, figures) whose leaves point into the page content through marked
 * content (`/P <</MCID 3>> BDC … EMC`), the parent tree that maps each marked
 * sequence back to its element, and `/Artifact` for what is only decoration
 * (running headers, page numbers, rules, bullets).
 *
 * Every drawing call of the layout runs inside `mark(element)` or
 * `artifact()`; consecutive calls for the same element on the same page share
 * one marked sequence, so a 1,000-note document stays small and fast.
 * Structure elements are kept as plain objects while the layout runs and
 * written as dictionaries once at the end (`finish`).
 */
import {
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/** Standard structure types used by the export (ISO 32000-1, 14.8.4). */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'BlockQuote'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Span';

interface ContentKid {
  page: PDFPage;
  mcid: number;
}

export interface StructElement {
  readonly type: StructType;
  readonly parent: StructElement | null;
  readonly kids: (StructElement | ContentKid)[];
  /** Alternative text (figures). */
  alt?: string;
  /** Title shown by structure navigators (sections). */
  title?: string;
  /** Table header scope. */
  scope?: 'Row' | 'Column';
  /** Bounding box [llx, lly, urx, ury] of a figure on its page. */
  bbox?: [number, number, number, number];
}

interface PageMarks {
  index: number;
  /** Element of each MCID on the page, in MCID order. */
  owners: StructElement[];
}

export class StructureTree {
  readonly root: StructElement = { type: 'Document', parent: null, kids: [] };
  private readonly pages = new Map<PDFPage, PageMarks>();
  private open: { page: PDFPage; owner: StructElement | 'artifact' } | null = null;

  constructor(private readonly doc: PDFDocument) {}

  /** A new element as the last child of `parent`. */
  add(parent: StructElement, type: StructType, props: Partial<StructElement> = {}): StructElement {
    const element: StructElement = { ...props, type, parent, kids: [] };
    parent.kids.push(element);
    return element;
  }

  /** Draws `draw`'s content as part of `owner` on `page`. */
  mark(page: PDFPage, owner: StructElement, draw: () => void): void {
    if (this.open?.page !== page || this.open.owner !== owner) {
      this.close();
      const marks = this.marksOf(page);
      const mcid = marks.owners.length;
      marks.owners.push(owner);
      owner.kids.push({ page, mcid });
      const props = this.doc.context.obj({ MCID: mcid });
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
          PDFName.of(owner.type),
          props as unknown as PDFName,
        ]),
      );
      this.open = { page, owner };
    }
    draw();
  }

  /**
   * Begins content that replaces itself with `text` for text extraction and
   * copying (a `Span` with ActualText): the board drawing, whose note texts
   * the document lists right after it, so they are not read twice.
   */
  beginReplaced(page: PDFPage, owner: StructElement, text: string): void {
    this.mark(page, owner, () => {
      const props = this.doc.context.obj({ ActualText: PDFHexString.fromText(text) });
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
          PDFName.of('Span'),
          props as unknown as PDFName,
        ]),
      );
    });
  }

  /** Ends what `beginReplaced` began; nothing else may be drawn on the page in between. */
  endReplaced(page: PDFPage): void {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    this.close();
  }

  /** Draws decoration that assistive technology skips (headers, page numbers, rules). */
  artifact(page: PDFPage, draw: () => void): void {
    if (this.open?.page !== page || this.open.owner !== 'artifact') {
      this.close();
      page.pushOperators(
        PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]),
      );
      this.open = { page, owner: 'artifact' };
    }
    draw();
  }

  /** Ends the open marked sequence (before another page is drawn on, and at the end). */
  close(): void {
    if (!this.open) return;
    this.open.page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    this.open = null;
  }

  private marksOf(page: PDFPage): PageMarks {
    let marks = this.pages.get(page);
    if (!marks) {
      marks = { index: this.pages.size, owners: [] };
      this.pages.set(page, marks);
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(marks.index));
    }
    return marks;
  }

  /** Writes the structure tree, the parent tree and the catalog entries of a tagged PDF. */
  finish(): void {
    this.close();
    const { context, catalog } = this.doc;
    const rootRef = context.nextRef();
    const refs = new Map<StructElement, PDFRef>();
    const assignRefs = (element: StructElement) => {
      refs.set(element, context.nextRef());
      for (const kid of element.kids) if ('type' in kid) assignRefs(kid);
    };
    assignRefs(this.root);
    const write = (element: StructElement, parentRef: PDFRef) => {
      const ref = refs.get(element) as PDFRef;
      const firstPage = element.kids.find((kid): kid is ContentKid => 'mcid' in kid)?.page;
      const kids = element.kids.map((kid) => {
        if ('type' in kid) return refs.get(kid) as PDFRef;
        if (kid.page === firstPage) return PDFNumber.of(kid.mcid);
        return context.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid });
      });
      const dict: Record<string, unknown> = {
        Type: 'StructElem',
        S: element.type,
        P: parentRef,
        K: kids.length === 1 ? kids[0] : kids,
      };
      if (firstPage) dict.Pg = firstPage.ref;
      if (element.alt) dict.Alt = PDFHexString.fromText(element.alt);
      if (element.title) dict.T = PDFHexString.fromText(element.title);
      if (element.scope) dict.A = context.obj({ O: 'Table', Scope: element.scope });
      if (element.bbox) dict.A = context.obj({ O: 'Layout', BBox: element.bbox });
      // Inline dictionaries are valid operands of BDC; pdf-lib's operand type omits them.
      context.assign(ref, context.obj(dict as never) as unknown as PDFDict);
      for (const kid of element.kids) if ('type' in kid) write(kid, ref);
    };
    write(this.root, rootRef);
    const nums: (number | PDFRef | ReturnType<typeof context.obj>)[] = [];
    for (const marks of this.pages.values()) {
      nums.push(marks.index, context.obj(marks.owners.map((owner) => refs.get(owner) as PDFRef)));
    }
    context.assign(
      rootRef,
      context.obj({
        Type: 'StructTreeRoot',
        K: refs.get(this.root) as PDFRef,
        ParentTree: context.obj({ Nums: nums as never }),
        ParentTreeNextKey: this.pages.size,
      }),
    );
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
    // Tab order follows the structure on every page (PDF/UA-1, 7.18.3).
    for (const page of this.doc.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  }
}
