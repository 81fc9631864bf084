import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import type { RichTextDoc, RichTextNode } from './rich-text.ts'
import { RichTextView } from './rich-text-view.tsx'

const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })
const render = (d: unknown, profile: 'full' | 'light' = 'full') => renderToStaticMarkup(<RichTextView doc={d as RichTextDoc} profile={profile} />)

/** Nothing that a browser would execute or that would change how the page is styled. */
function expectInert(html: string) {
  // Escaped text cannot contain "<", so every tag here is one React produced; look at tags and attributes only.
  const tags = html.match(/<[^>]*>/g) ?? []
  const names = new Set(tags.map((tag) => /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase()))
  for (const name of names) {
    expect(['div', 'p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 's', 'code', 'a', 'span', 'ul', 'ol', 'li', 'blockquote', 'hr', 'table', 'tbody', 'tr', 'th', 'td']).toContain(name)
  }
  for (const tag of tags) {
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i)
    expect(tag).not.toMatch(/\s(?:style|srcdoc|formaction|src|id)\s*=/i)
    const href = /\shref="([^"]*)"/.exec(tag)?.[1]
    if (href !== undefined) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/i)
  }
}

describe('RichTextView', () => {
  test('renders the allow-listed structure', () => {
    const html = render(
      doc(
        { type: 'heading', attrs: { level: 3 }, content: [t('経過')] },
        p(t('太字', [{ type: 'bold' }]), t('斜体', [{ type: 'italic' }]), { type: 'hardBreak' }, t('取消', [{ type: 'strike' }]), t('x', [{ type: 'code' }])),
        p(),
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(t('三'))] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('点'))] }] },
        { type: 'blockquote', content: [p(t('引用'))] },
        { type: 'horizontalRule' },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', attrs: { colspan: 2, rowspan: 1, colwidth: null }, content: [p(t('見出し'))] },
                { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: [100] }, content: [p(t('値'))] },
              ],
            },
          ],
        },
      ),
    )
    expect(html).toBe(
      '<div class="rich-text"><h3>経過</h3><p><strong>太字</strong><em>斜体</em><br/><s>取消</s><code>x</code></p><p><br/></p>' +
        '<ol start="3"><li><p>三</p></li></ol><ul><li><p>点</p></li></ul><blockquote><p>引用</p></blockquote><hr/>' +
        '<div class="rich-text__table"><table><tbody><tr><th colSpan="2"><p>見出し</p></th><td><p>値</p></td></tr></tbody></table></div></div>',
    )
  })

  test('links: external ones open in a new tab, all carry rel noopener noreferrer nofollow', () => {
    const html = render(
      doc(p(t('外部', [{ type: 'link', attrs: { href: ' https://example.org/?a=1&b=2 ', target: '_self', rel: 'opener', class: 'x' } }]), t('メール', [{ type: 'link', attrs: { href: 'mailto:qso@example.org' } }]))),
    )
    expect(html).toContain(
      '<a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer nofollow">外部<span class="visually-hidden">（新しいタブで開きます）</span></a>',
    )
    expect(html).toContain('<a href="mailto:qso@example.org" rel="noopener noreferrer nofollow">メール</a>')
    expect(html).not.toContain('opener"')
    expect(html).not.toContain('class="x"')
  })

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\u0009script:alert(1)',
    'javascript&#58;alert(1)',
    '&#x6A;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example',
  ])('a document with a %j link is not shown at all', (href) => {
    const html = render(doc(p(t('click', [{ type: 'link', attrs: { href } }]))))
    expect(html).toBe('<p class="rich-text rich-text--invalid">この本文は表示できません。</p>')
    expectInert(html)
  })

  test('event handlers, styles and classes in attributes do not reach the markup', () => {
    const html = render(
      doc(
        { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'background:url(javascript:alert(1))', class: 'admin' }, content: [t('a', [{ type: 'bold', attrs: { onmouseover: 'alert(1)', style: 'color:red' } }])] },
        { type: 'heading', attrs: { level: 2, id: 'x" onfocus="alert(1)', onclick: 'x' }, content: [t('b')] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, onclick: 'x', style: 'x' }, content: [p(t('c'))] }] }] },
      ),
    )
    expect(html).toBe(
      '<div class="rich-text"><p><strong>a</strong></p><h2>b</h2><div class="rich-text__table"><table><tbody><tr><td><p>c</p></td></tr></tbody></table></div></div>',
    )
    expectInert(html)
  })

  test('markup in text stays text', () => {
    const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', '&lt;b&gt;', '{{constructor.constructor("alert(1)")()}}']
    const html = render(doc(...payloads.map((payload) => p(t(payload)))))
    expectInert(html)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&amp;lt;b&amp;gt;')
  })

  test('unknown nodes and marks, or ones outside the profile, are not rendered', () => {
    const bad = [
      doc({ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } }),
      doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }),
      doc(p(t('x', [{ type: 'textStyle', attrs: { style: 'x' } }]))),
      doc(p({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] })),
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'html', text: '<script>alert(1)</script>' }] }] },
      'not a document',
    ]
    for (const d of bad) {
      const html = render(d)
      expect(html).toContain('この本文は表示できません')
      expectInert(html)
    }
    expect(render(doc({ type: 'heading', attrs: { level: 2 }, content: [t('x')] }), 'light')).toContain('表示できません')
  })

  test('an empty document renders an empty container', () => {
    expect(render(doc())).toBe('<div class="rich-text"></div>')
  })
})
