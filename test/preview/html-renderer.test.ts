// Block Kit and mrkdwn drawn as HTML the way Slack shows them, with every text escaped: what the preview page
// inserts is only markup the renderer built.
import { describe, expect, it } from 'vitest';
import { renderBlocksHtml, renderMessageHtml } from '../../src/renderers/html/blocks.js';
import { mrkdwnToHtml } from '../../src/renderers/html/mrkdwn.js';

describe('mrkdwn to HTML', () => {
  it('draws bold, italics, strike-through and code', () => {
    expect(mrkdwnToHtml('*bold* _italic_ ~gone~ `npm start`')).toBe(
      '<strong>bold</strong> <em>italic</em> <del>gone</del> <code class="sk-code">npm start</code>',
    );
  });

  it('nests styles and keeps markers inside words and numbers as typed', () => {
    expect(mrkdwnToHtml('*_both_*')).toBe('<strong><em>both</em></strong>');
    expect(mrkdwnToHtml('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(mrkdwnToHtml('`*not bold*`')).toBe('<code class="sk-code">*not bold*</code>');
  });

  it('shows &amp; &lt; &gt; as the characters, escaped once for HTML', () => {
    expect(mrkdwnToHtml('R&amp;D &lt;b&gt;not bold&lt;/b&gt;')).toBe('R&amp;D &lt;b&gt;not bold&lt;/b&gt;');
    expect(mrkdwnToHtml('`a &amp;&amp; b`')).toBe('<code class="sk-code">a &amp;&amp; b</code>');
  });

  it('turns <url|label> into a link and escapes both parts', () => {
    const html = mrkdwnToHtml('See <https://example.org/a?b=1&amp;c="2"|O*NET &amp; BLS>');
    expect(html).toBe(
      'See <a class="sk-link" href="https://example.org/a?b=1&amp;c=&quot;2&quot;" target="_blank" rel="noopener ' +
        'noreferrer">O*NET &amp; BLS</a>',
    );
    expect(mrkdwnToHtml('*<https://example.org|Source>*')).toContain(
      '<strong><a class="sk-link" href="https://example.org"',
    );
  });

  it('never makes markup or script links from the text', () => {
    const html = mrkdwnToHtml('<javascript:alert(1)|click> <img src=x onerror=alert(1)> "quoted" \'single\'');
    expect(html).not.toMatch(/<a |<img/);
    expect(html).toContain('click');
    expect(html).toContain('&quot;quoted&quot; &#39;single&#39;');
    // The renderer's own placeholder characters cannot be smuggled in.
    expect(mrkdwnToHtml('\uE0000\uE001 `x`')).toBe('0 <code class="sk-code">x</code>');
  });

  it('keeps line breaks and bullet lists, and draws quotes', () => {
    expect(mrkdwnToHtml('*Skills*\n• Coding\n• Auditing')).toBe('<strong>Skills</strong><br>• Coding<br>• Auditing');
    expect(mrkdwnToHtml('before\n&gt; quoted\nafter')).toBe(
      'before<blockquote class="sk-quote">quoted</blockquote>after',
    );
  });

  it('names mentions and broadcasts, and draws known emoji', () => {
    const html = mrkdwnToHtml('<@U1> in <#C1|general> <!here> :white_check_mark: :no_such_emoji:', {
      userName: (id) => (id === 'U1' ? 'Ana' : undefined),
    });
    expect(html).toBe(
      '<span class="sk-mention">@Ana</span> in <span class="sk-mention">#general</span> <span ' +
        'class="sk-mention">@here</span> ✅ :no_such_emoji:',
    );
  });

  it('links bare URLs unless the text is verbatim', () => {
    expect(mrkdwnToHtml('at https://example.org/x.')).toBe(
      'at <a class="sk-link" href="https://example.org/x" target="_blank" rel="noopener ' +
        'noreferrer">https://example.org/x</a>.',
    );
    expect(mrkdwnToHtml('at https://example.org/x', { verbatim: true })).toBe('at https://example.org/x');
  });
});

describe('Block Kit to HTML', () => {
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'Medical Coder <b>' } },
    {
      type: 'section',
      block_id: 'b1',
      text: { type: 'mrkdwn', text: '*11.6* RED' },
      fields: [
        { type: 'mrkdwn', text: '*Pay*\n$50,250' },
        { type: 'plain_text', text: '*not bold*' },
      ],
      accessory: {
        type: 'button',
        action_id: 'airisk_path',
        value: 'a"b<c',
        text: { type: 'plain_text', text: 'Path' },
        style: 'primary',
      },
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Sources: _BLS_' },
        { type: 'image', image_url: 'https://example.org/x.png', alt_text: 'logo' },
      ],
    },
    { type: 'divider' },
    {
      type: 'actions',
      block_id: 'card:medical-coder',
      elements: [
        {
          type: 'button',
          action_id: 'airisk_share',
          value: 'medical-coder',
          text: { type: 'plain_text', text: 'Share' },
        },
        {
          type: 'static_select',
          action_id: 'pick',
          options: [{ text: { type: 'plain_text', text: 'One' }, value: '1' }],
        },
      ],
    },
  ];

  it('draws each block as Slack lays it out', () => {
    const html = renderBlocksHtml(blocks);
    expect(html).toContain('<div class="sk-block sk-header">Medical Coder &lt;b&gt;</div>');
    expect(html).toMatch(
      /sk-section"[^>]*data-block-id="b1"><div class="sk-section-body"><div class="sk-section-text"><strong>11\.6<\/strong> RED<\/div><div class="sk-fields">/,
    );
    expect(html).toContain(
      '<div class="sk-field"><strong>Pay</strong><br>$50,250</div><div class="sk-field">*not bold*</div>',
    );
    expect(html).toContain('<span class="sk-context-item">Sources: <em>BLS</em></span>');
    // Images are described, not fetched: the preview loads nothing from outside.
    expect(html).not.toContain('example.org/x.png');
    expect(html).toContain('🖼 logo');
    expect(html).toContain('<hr>');
  });

  it('gives buttons and menus what the page needs to send block_actions, escaped', () => {
    const html = renderBlocksHtml(blocks);
    expect(html).toContain(
      '<button type="button" class="sk-button sk-primary" data-kind="button" data-action-id="airisk_path" ' +
        'data-block-id="b1" data-value="a&quot;b&lt;c">Path</button>',
    );
    expect(html).toContain(
      'data-action-id="airisk_share" data-block-id="card:medical-coder" data-value="medical-coder">Share</button>',
    );
    expect(html).toMatch(
      /<select class="sk-select" data-kind="static_select" data-action-id="pick"[^>]*><option value="" selected disabled>Select an item<\/option><option value="1">One<\/option><\/select>/,
    );
  });

  it('draws input blocks with their label, hint and an error slot', () => {
    const html = renderBlocksHtml([
      {
        type: 'input',
        block_id: 'lookup_block',
        label: { type: 'plain_text', text: 'Job title' },
        hint: { type: 'plain_text', text: 'e.g. CPC' },
        element: {
          type: 'plain_text_input',
          action_id: 'lookup_text',
          placeholder: { type: 'plain_text', text: 'medical coder' },
        },
      },
    ]);
    expect(html).toContain('<label class="sk-label">Job title</label>');
    expect(html).toContain(
      '<input type="text" class="sk-text-input" data-kind="plain_text_input" data-action-id="lookup_text" ' +
        'data-block-id="lookup_block" data-input="1" placeholder="medical coder" value="">',
    );
    expect(html).toContain(
      '<div class="sk-hint">e.g. CPC</div><div class="sk-input-error" data-error-for="lookup_block"></div>',
    );
  });

  it('falls back to the text, says what it cannot draw and keeps attachment colours safe', () => {
    expect(renderMessageHtml({ text: 'Only *text*' })).toBe('<div class="sk-text">Only <strong>text</strong></div>');
    expect(renderBlocksHtml([{ type: 'video<script>' }])).toContain(
      '[block type “video&lt;script&gt;” is not drawn by the preview]',
    );
    const attachment = renderMessageHtml({
      attachments: [
        { color: 'red;background:url(x)', text: 'hi' },
        { color: 'good', text: 'ok' },
      ],
    });
    expect(attachment).toContain('border-left-color:#dddddd');
    expect(attachment).toContain('border-left-color:#2eb67d');
    expect(attachment).not.toContain('url(x)');
  });
});
