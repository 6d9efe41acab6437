import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDescriptionHtml } from './description-html.ts';
import { countWords } from './word-count.ts';

test('named, decimal and hex references decode as the HTML standard says; bare ampersands stay', () => {
  const text = (input: string) => readDescriptionHtml(input).text;
  assert.equal(text('Caf&eacute; &amp; cr&#232;me &#xE9;t&eacute;'), 'Café & crème été');
  assert.equal(text('&lt;b&gt; &quot;x&quot; &apos;y&apos;'), '<b> "x" \'y\'');
  assert.equal(text('<p>5&nbsp;kg &ndash; &hellip; &euro;9</p>'), '5 kg – … €9');
  assert.equal(text('Fish & Chips AT&T &zzz;'), 'Fish & Chips AT&T &zzz;');
  // The standard's own example: in text, the legacy name `&not` matches even inside a longer word.
  assert.equal(text('I&notit;'), 'I¬it;');
  assert.equal(text('&copy 2024'), '© 2024', 'legacy names work without the semicolon');
  assert.equal(text('&hellip without'), '&hellip without', 'modern names need the semicolon');
  assert.equal(text('&#146;&#0;&#xD800;&#x110000;'), '’\uFFFD\uFFFD\uFFFD');
});

test('tags are stripped, entities decoded, block elements become paragraphs', () => {
  const content = readDescriptionHtml(
    '<h2>Caf&eacute;&nbsp;cup</h2><p>Holds <b>350&nbsp;ml</b> &amp; keeps   it\nwarm.</p><ul><li>Dishwasher safe</li><li>Made in Portugal</li></ul>',
  );
  assert.deepEqual(content.paragraphs, [
    'Café cup',
    'Holds 350 ml & keeps it warm.',
    'Dishwasher safe',
    'Made in Portugal',
  ]);
  assert.equal(
    content.text,
    'Café cup\n\nHolds 350 ml & keeps it warm.\n\nDishwasher safe\n\nMade in Portugal',
  );
});

test('script, style, comments and templates never count as text; a stray "<" does', () => {
  const content = readDescriptionHtml(
    '<p>Size < 5 cm</p><script>document.write("<p>evil words</p>")</script><style>p { color: red }</style><!-- note <p>hidden</p> --><template><p>later</p></template><p>end</p>',
  );
  assert.deepEqual(content.paragraphs, ['Size < 5 cm', 'end']);
});

test('a ">" inside a quoted attribute does not end the tag', () => {
  const content = readDescriptionHtml('<p title="a > b" data-x=\'<p>\'>Visible</p>');
  assert.deepEqual(content.paragraphs, ['Visible']);
});

test('one <br> breaks a line, two start a paragraph', () => {
  const content = readDescriptionHtml('Material: wool<br>Size: M<br/><br />Care: hand wash');
  assert.deepEqual(content.paragraphs, ['Material: wool\nSize: M', 'Care: hand wash']);
});

test('plain text keeps its blank-line paragraphs', () => {
  const content = readDescriptionHtml('First line\nsame paragraph\r\n\r\nSecond &amp; last');
  assert.deepEqual(content.paragraphs, ['First line\nsame paragraph', 'Second & last']);
});

test('links are collected with decoded hrefs in document order', () => {
  const content = readDescriptionHtml(
    '<p><a href="/products/a?x=1&amp;y=2">A</a> <A HREF=\'/pages/b\'>B</A> <a name="top">no href</a> <a href= /c >C</a></p>',
  );
  assert.deepEqual(content.links, ['/products/a?x=1&y=2', '/pages/b', '/c']);
});

test('an unclosed comment or tag swallows the rest instead of leaking markup', () => {
  assert.deepEqual(readDescriptionHtml('<p>Kept</p><!-- never closed <p>lost</p>').paragraphs, ['Kept']);
  assert.deepEqual(readDescriptionHtml('<p>Kept</p><img src="x').paragraphs, ['Kept']);
});

test('words are counted in visible text only, scripts without spaces by the segmenter', () => {
  const content = readDescriptionHtml(
    '<p>Don&rsquo;t wash this t-shirt <em>hot</em>.</p><script>a b c d</script>',
  );
  assert.equal(countWords(content.text, 'en'), 5);
  assert.equal(countWords('', 'en'), 0);
  assert.ok(countWords('这是一件柔软的羊毛衫', 'zh') >= 3, 'Chinese text is segmented into words');
});
