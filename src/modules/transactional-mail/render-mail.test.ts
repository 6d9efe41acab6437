import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtInLocales, builtInTemplate } from './defaults/index.ts';
import { exampleVariables } from './example-variables.ts';
import { TemplateError } from './liquid-engine.ts';
import { renderTransactionalMail } from './render-mail.ts';
import { transactionalTemplateKeys } from './template-keys.ts';
import { templateVariables } from './template-variables.ts';

const store = { name: 'Linen & Co', timezone: 'Europe/Paris' };

/** Money of the examples as each language writes it (Intl's own spacing is a no-break space). */
const orderTotal: Record<string, RegExp> = {
  en: /€104\.50/,
  fr: /104,50\s€/,
  de: /104,50\s€/,
  es: /104,50\s€/,
};

describe('built-in e-mail templates', () => {
  for (const locale of builtInLocales) {
    for (const key of transactionalTemplateKeys) {
      test(`${key} in ${locale} renders every variable it uses from the examples`, () => {
        const template = builtInTemplate(key, locale);
        assert.ok(template, 'there is a built-in text');
        // Strict: a variable the examples lack throws instead of printing nothing.
        const mail = renderTransactionalMail({
          template,
          variables: exampleVariables(key),
          store,
          locale,
          strict: true,
        });
        assert.ok(mail.subject.length > 5, mail.subject);
        // The layout's style sheet has braces of its own.
        const markup = mail.html.replace(/<style>[\s\S]*?<\/style>/, '');
        for (const part of [mail.subject, markup, mail.text]) {
          assert.doesNotMatch(part, /\{\{|\{%|%\}/, 'no Liquid left in the output');
          assert.doesNotMatch(part, /undefined|\[object Object\]|NaN/);
        }
        assert.match(mail.html, /^<!DOCTYPE html>/);
        assert.match(mail.html, new RegExp(`<html lang="${locale}">`));
        assert.ok(mail.html.includes('Linen &amp; Co'), 'the layout names the store, escaped');
        assert.match(mail.text, /Linen & Co\n$/, 'the text part is signed with the store name');
        if (key.startsWith('order_') || key.startsWith('payment_') || key === 'refund_issued') {
          assert.ok(mail.text.includes('1001'), 'order mail names the order');
          assert.ok(mail.html.includes('https://shop.example.com/orders/7f3c9a2e41d04b6a'), 'status link');
        }
      });
    }

    test(`the order confirmation in ${locale} lists lines, totals and addresses`, () => {
      const mail = renderTransactionalMail({
        template: builtInTemplate('order_confirmation', locale)!,
        variables: exampleVariables('order_confirmation'),
        store,
        locale,
      });
      for (const expected of [
        'Linen apron',
        'Natural / M',
        '× 2',
        'Tea towel set',
        'WELCOME10',
        '12 Rue des Lilas',
      ]) {
        assert.ok(mail.text.includes(expected), `${expected} in the text part`);
        assert.ok(mail.html.includes(expected), `${expected} in the HTML`);
      }
      assert.match(mail.text, orderTotal[locale]!);
      assert.match(mail.html, orderTotal[locale]!);
    });
  }

  test('the shipping confirmation gives carrier, tracking number and link; the refund its amount and lines', () => {
    const shipped = renderTransactionalMail({
      template: builtInTemplate('shipping_confirmation', 'en')!,
      variables: exampleVariables('shipping_confirmation'),
      store,
      locale: 'en',
    });
    assert.match(shipped.text, /shipped with DHL/);
    assert.match(shipped.text, /Tracking number: JD014600006281234567/);
    assert.ok(shipped.html.includes('href="https://www.dhl.com/track?tracking-id=JD014600006281234567"'));
    const refunded = renderTransactionalMail({
      template: builtInTemplate('refund_issued', 'de')!,
      variables: exampleVariables('refund_issued'),
      store,
      locale: 'de',
    });
    assert.match(
      refunded.text,
      /Wir haben Ihnen 21,60\s€ für die Bestellung #1001 auf Visa •••• 4242\serstattet/,
    );
    assert.match(refunded.text, /Tea towel set\s+× 1\s+21,60\s€/);
  });

  test('dates print in the language and the store time zone', () => {
    const variables = exampleVariables('order_confirmation');
    (variables.order as { placed_at: string }).placed_at = '2025-03-14T23:30:00Z';
    const render = (locale: string, timezone: string) =>
      renderTransactionalMail({
        template: { subject: '{{ order.placed_at | format_date }}', body: '<p>x</p>' },
        variables,
        store: { name: 'S', timezone },
        locale,
      }).subject;
    assert.equal(render('en', 'UTC'), 'March 14, 2025');
    assert.equal(render('fr', 'Europe/Paris'), '15 mars 2025');
    assert.equal(render('de', 'America/New_York'), '14. März 2025');
  });
});

describe('rendering a template', () => {
  const hostile = '<script>alert("x")</script> & Co';

  test('variables are HTML-escaped in the body, and plain in the subject and text part', () => {
    const variables = exampleVariables('order_confirmation');
    (variables.customer as { first_name: string }).first_name = hostile;
    (variables.order as { lines: { title: string }[] }).lines[0]!.title = '<img src=x onerror=alert(1)>';
    const mail = renderTransactionalMail({
      template: {
        subject: 'For {{ customer.first_name }}',
        body: builtInTemplate('order_confirmation', 'en')!.body,
      },
      variables,
      store: { name: '<b>Shop</b>', timezone: 'UTC' },
      locale: 'en',
    });
    assert.ok(!mail.html.includes('<script>'), 'no script tag in the HTML');
    assert.ok(!mail.html.includes('<img src=x'), 'no injected element');
    assert.ok(mail.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'));
    assert.ok(mail.html.includes('&lt;b&gt;Shop&lt;/b&gt;'), "the store's name is escaped in the layout");
    assert.equal(mail.subject, `For ${hostile}`);
    assert.ok(mail.text.includes(`Hi ${hostile},`), 'the text part reads as the customer typed it');
  });

  test('an address prints on lines in the language, escaped', () => {
    const mail = renderTransactionalMail({
      template: { subject: '{{ a | format_address }}', body: '<p>{{ a | format_address }}</p>' },
      variables: {
        a: {
          name: 'Jo <Ann>',
          line1: '1 Main St',
          city: 'Springfield',
          region: 'IL',
          postal_code: '62701',
          country: 'US',
        },
      },
      store,
      locale: 'de',
    });
    assert.equal(mail.subject, 'Jo <Ann>, 1 Main St, Springfield, IL 62701, Vereinigte Staaten');
    assert.ok(
      mail.html.includes('<p>Jo &lt;Ann&gt;<br>1 Main St<br>Springfield, IL 62701<br>Vereinigte Staaten</p>'),
    );
  });

  test('a broken template fails with the line and column; files cannot be read', () => {
    const attempt =
      (body: string, strict = false) =>
      () =>
        renderTransactionalMail({
          template: { subject: 'Hi', body },
          variables: exampleVariables('password_reset'),
          store,
          locale: 'en',
          strict,
        });
    const unclosed = (() => {
      try {
        attempt('<p>one</p>\n<p>{% if customer.first_name %}two</p>')();
      } catch (err) {
        return err;
      }
    })();
    assert.ok(unclosed instanceof TemplateError);
    assert.equal(unclosed.part, 'body');
    assert.equal(unclosed.line, 2);
    assert.match(unclosed.message, /not closed/);
    assert.throws(attempt('<p>{{ reset_ur }}</p>', true), (err: TemplateError) => {
      assert.match(err.message, /undefined variable: reset_ur/);
      assert.deepEqual([err.line, err.column], [1, 7], 'where the variable is');
      return true;
    });
    // Leniently (sending), an unknown variable prints nothing.
    assert.match(attempt('<p>[{{ reset_ur }}]</p>')().html, /<p>\[\]<\/p>/);
    assert.throws(attempt("{% include '/etc/passwd' %}"), /not available in e-mail templates/);
    assert.throws(attempt("{% render 'x' %}"), /not available in e-mail templates/);
    assert.throws(attempt('{{ reset_url | nope }}'), /undefined filter: nope/);
  });

  test('a template that would run away is stopped', () => {
    assert.throws(
      () =>
        renderTransactionalMail({
          template: { subject: 'x', body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' },
          variables: {},
          store,
          locale: 'en',
        }),
      TemplateError,
    );
  });

  test('every documented variable has its example, and money prints formatted', () => {
    for (const key of transactionalTemplateKeys) {
      for (const doc of templateVariables[key]) {
        assert.notEqual(doc.example, undefined, `${key}: ${doc.name}`);
      }
    }
    const total = templateVariables.order_confirmation.find((d) => d.name === 'order.total')!;
    assert.deepEqual(total.example, { amount: 10450, currency: 'EUR' });
    assert.equal(total.snippet, '{{ order.total }}');
    const title = templateVariables.order_confirmation.find((d) => d.name === 'order.lines[].title')!;
    assert.equal(title.snippet, '{{ line.title }}');
    assert.equal(title.example, 'Linen apron');
  });
});
