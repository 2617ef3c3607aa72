import { passwordPolicy, type PasswordProblem } from '../../functions/users/sign-in-policy.js';

/** Server-rendered pages of the local sign-in (bilingual, no external assets). */

export const htmlEscape = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;--brand:#0f4c81}
body{margin:0;background:#f3f5f8;color:#1d2733}
main{max-width:460px;margin:6vh auto;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(15,40,80,.12);padding:32px}
h1{margin:0 0 4px;font-size:1.5rem;color:var(--brand)} p.sub{margin:0 0 24px;color:#566}
label{display:block;font-weight:600;margin:16px 0 6px}
input{width:100%;box-sizing:border-box;padding:10px 12px;font-size:1rem;border:1px solid #b8c2cc;border-radius:8px}
input:focus{outline:3px solid #9cc3ea;border-color:var(--brand)}
button{margin-top:22px;width:100%;padding:11px;font-size:1rem;font-weight:600;color:#fff;background:var(--brand);border:0;border-radius:8px;cursor:pointer}
button.secondary{background:#e7edf3;color:#1d2733;margin-top:8px}
.error{background:#fdecec;color:#8a1f1f;border-radius:8px;padding:10px 12px;margin-bottom:8px}
.demo{margin-top:28px;border-top:1px solid #e3e7ec;padding-top:16px}
.demo h2{font-size:1rem;margin:0 0 8px}.demo ul{list-style:none;padding:0;margin:0}
.demo li button{all:unset;cursor:pointer;display:block;width:100%;box-sizing:border-box;padding:8px 10px;border-radius:8px}
.demo li button:hover,.demo li button:focus{background:#eef4fa;outline:2px solid #9cc3ea}
.demo small{color:#566}
</style></head><body><main>${body}</main></body></html>`;

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

export const signInPage = (options: { action: string; email?: string; error?: string; demoAccounts: DemoAccount[]; demoPassword?: string }): string =>
  layout(
    'Pakt — вхід / sign in',
    `<h1>Pakt</h1><p class="sub">Вхід до системи · Sign in</p>
${options.error ? `<div class="error" role="alert">${htmlEscape(options.error)}</div>` : ''}
<form method="post" action="${htmlEscape(options.action)}" autocomplete="on">
<label for="email">Електронна пошта · Email</label>
<input id="email" name="email" type="email" required autocomplete="username" value="${htmlEscape(options.email ?? '')}" autofocus>
<label for="password">Пароль · Password</label>
<input id="password" name="password" type="password" required autocomplete="current-password">
<button type="submit">Увійти · Sign in</button>
</form>
${
  options.demoAccounts.length > 0
    ? `<section class="demo" aria-labelledby="demo-title"><h2 id="demo-title">Демо-користувачі · Demo users (local only)</h2>
<p><small>Пароль · Password: <code>${htmlEscape(options.demoPassword ?? '')}</code></small></p><ul>
${options.demoAccounts
  .map(
    (account) =>
      `<li><button type="button" data-email="${htmlEscape(account.email)}"><strong>${htmlEscape(account.role)}</strong> — ${htmlEscape(account.name)}<br><small>${htmlEscape(account.email)}</small></button></li>`,
  )
  .join('\n')}</ul></section>
<script>for (const b of document.querySelectorAll('[data-email]')) b.addEventListener('click', () => { document.getElementById('email').value = b.dataset.email; document.getElementById('password').value = ${JSON.stringify(options.demoPassword ?? '')}; document.getElementById('password').focus(); });</script>`
    : ''
}`,
  );

const passwordRules: Record<PasswordProblem, string> = {
  minLength: `щонайменше ${passwordPolicy.minLength} символів · at least ${passwordPolicy.minLength} characters`,
  lowercase: 'мала літера · a lowercase letter',
  uppercase: 'велика літера · an uppercase letter',
  digit: 'цифра · a digit',
  symbol: 'символ, напр. ! або - · a symbol such as ! or -',
};

/** The first sign-in with a temporary password: choose one's own, by the pool's rules (listed, the missing ones marked). */
export const newPasswordPage = (options: { action: string; email: string; problems?: PasswordProblem[]; error?: string }): string =>
  layout(
    'Pakt — новий пароль / new password',
    `<h1>Pakt</h1><p class="sub">Оберіть власний пароль · Choose your own password<br><small>${htmlEscape(options.email)}</small></p>
${options.error ? `<div class="error" role="alert">${htmlEscape(options.error)}</div>` : ''}
${options.problems && options.problems.length > 0 ? `<div class="error" role="alert">Пароль має містити · The password needs: ${options.problems.map((problem) => htmlEscape(passwordRules[problem])).join('; ')}</div>` : ''}
<form method="post" action="${htmlEscape(options.action)}">
<input type="hidden" name="username" value="${htmlEscape(options.email)}" autocomplete="username">
<label for="password">Новий пароль · New password</label>
<input id="password" name="password" type="password" required minlength="${passwordPolicy.minLength}" autocomplete="new-password" aria-describedby="rules" autofocus>
<p id="rules"><small>${Object.values(passwordRules).map(htmlEscape).join('; ')}</small></p>
<label for="confirm">Повторіть пароль · Repeat the password</label>
<input id="confirm" name="confirm" type="password" required autocomplete="new-password">
<button type="submit">Зберегти і увійти · Save and sign in</button>
</form>`,
  );

/** The second factor at sign-in: the code of the person's authenticator app (on the demo stack, shown for demo accounts). */
export const codePage = (options: { action: string; email: string; error?: string; demoCode?: string }): string =>
  layout(
    'Pakt — код підтвердження / verification code',
    `<h1>Pakt</h1><p class="sub">Введіть код із застосунку автентифікації · Enter the code from your authenticator app<br><small>${htmlEscape(options.email)}</small></p>
${options.error ? `<div class="error" role="alert">${htmlEscape(options.error)}</div>` : ''}
<form method="post" action="${htmlEscape(options.action)}">
<label for="code">Код · Code</label>
<input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required autocomplete="one-time-code" autofocus>
<button type="submit">Підтвердити · Verify</button>
</form>
${options.demoCode ? `<p class="demo-code"><small>Демо-обліковий запис: поточний код · Demo account: the current code is <strong data-demo-code>${htmlEscape(options.demoCode)}</strong></small></p>` : ''}`,
  );

export const logoutPage = (form: string): string =>
  layout(
    'Pakt — вихід / sign out',
    `<h1>Pakt</h1><p class="sub">Вийти з системи? · Sign out?</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Вийти · Sign out</button>
<button class="secondary" type="submit" form="op.logoutForm">Залишитися · Stay signed in</button>`,
  );

export const messagePage = (title: string, message: string): string => layout(title, `<h1>Pakt</h1><p>${htmlEscape(message)}</p>`);
