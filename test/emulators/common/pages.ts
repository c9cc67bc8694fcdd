/**
 * What answers when something other than the provider's API sits at the base URL. Reverse proxies in
 * front of self-hosted Notifuse (nginx's default body limit is 1 MB) answer 413/502/504 with HTML
 * (docs/providers.md §5); the texts follow nginx's built-in error pages (src/http/ngx_http_special_response.c:
 * `<title>413 Request Entity Too Large</title>` … `<hr><center>nginx</center>`).
 */
const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Authorization Required',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Not Allowed',
	408: 'Request Time-out',
	413: 'Request Entity Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Temporarily Unavailable',
	504: 'Gateway Time-out',
};

function nginxPage(status: number): string {
	const title = `${status} ${REASONS[status] ?? 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * A 200 page where the API should be: an SSO proxy's or web app's sign-in page, which is what a base
 * URL pointing at the product's website (instead of its API host) gets.
 */
export const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sign in</title>
  <style>body { font-family: sans-serif; } .box { margin: 4em auto; width: 20em; }</style>
  <script>window.__APP__ = { route: "/login" };</script>
</head>
<body>
  <div class="box">
    <h1>Sign in to continue</h1>
    <form method="post" action="/login"><input name="email"><input name="password" type="password"><button>Sign in</button></form>
  </div>
</body>
</html>
`;

/** The default body of a `page` fault: the login page for 2xx, nginx's error page otherwise. */
export function defaultPage(status: number, contentType: string): string {
	if (contentType.startsWith('text/plain')) {
		// Go's net/http answers unknown paths with exactly this text (http.NotFound); other statuses get the reason.
		return status === 404 ? '404 page not found\n' : `${status} ${REASONS[status] ?? 'Error'}\n`;
	}
	return status >= 200 && status < 300 ? LOGIN_PAGE : nginxPage(status);
}
