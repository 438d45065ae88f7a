import { DOMParser as XmlDomParser } from '@xmldom/xmldom';

/**
 * @xmldom/xmldom as the `DOMParser` global for Node tests of XML feeds, failing on every error as
 * browsers do (xmldom alone logs most errors and reads on). Only test files that read XML install
 * it; each Node test file runs in its own process.
 */
export function installStrictDomParser(): void {
  class StrictDOMParser extends XmlDomParser {
    constructor() {
      super({
        onError: (level, message) => {
          if (level !== 'warning') throw new SyntaxError(message);
        },
      });
    }
  }
  Object.assign(globalThis, { DOMParser: StrictDOMParser });
}
