import type { Extensions } from '@tiptap/core'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { Placeholder } from '@tiptap/extensions'
import { StarterKit } from '@tiptap/starter-kit'
import { safeHref, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'

/**
 * The editor's schema is the allow-list of #app/modules/rich-text: whatever the editor can hold (typed, pasted
 * from Word or a web page) is something parseRichText accepts. extensions.test.ts checks the two agree.
 */
export function editorExtensions(profile: RichTextProfile, options: { placeholder?: string } = {}): Extensions {
  const full = profile === 'full'
  const extensions: Extensions = [
    StarterKit.configure({
      codeBlock: false,
      underline: false,
      blockquote: full ? {} : false,
      code: full ? {} : false,
      strike: full ? {} : false,
      horizontalRule: full ? {} : false,
      heading: full ? { levels: [2, 3, 4] } : false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // The same rule as the server's: http(s) and mailto only, anything else is not linked.
        isAllowedUri: (url) => safeHref(url) !== null,
        shouldAutoLink: (url) => safeHref(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`) !== null,
        HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
      },
    }),
  ]
  if (full) {
    extensions.push(Table.configure({ resizable: false }), TableRow, TableHeader, TableCell)
  }
  if (options.placeholder) {
    extensions.push(Placeholder.configure({ placeholder: options.placeholder }))
  }
  return extensions
}
