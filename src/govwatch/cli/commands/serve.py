"""`govwatch serve`: the web dashboard on the chosen database (the demo's by default, when it exists)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from govwatch.cli import context
from govwatch.cli.app import app
from govwatch.cli.common import console, database, user_errors
from govwatch.settings import DEFAULT_DB_FILE

# Where `govwatch demo --dir demo` (the README's first command) writes its database.
DEMO_DATABASE = Path("demo") / DEFAULT_DB_FILE


def web_database_url() -> str:
    """`--db` or GOVWATCH_DB; else demo/govwatch.db when it exists; else govwatch.db in the working folder."""
    chosen = context.explicit_database_url()
    if chosen:
        return chosen
    if DEMO_DATABASE.is_file():
        return f"sqlite:///{DEMO_DATABASE.resolve()}"
    return context.database_url()


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址"),
    port: int = typer.Option(8000, "--port", help="监听端口"),
    county: str = typer.Option(None, "--county", help="县区名称（库中有多个县区时）"),
    secure_cookie: bool = typer.Option(False, "--secure-cookie", help="会话 Cookie 仅经 HTTPS 发送（部署在 HTTPS 反向代理后时开启）"),
    workers: int = typer.Option(1, "--workers", min=1, help="服务进程数（可设为 CPU 核数）"),
    trusted_proxy: list[str] = typer.Option(
        None, "--trusted-proxy", help="反向代理的地址（可重复）：来自它的请求按 X-Forwarded-For 识别访问者，登录限次按真实地址计"
    ),
) -> None:
    """启动网页端：月度总览、单位与账号、问题审核、发布前校对、整改。"""
    import uvicorn

    from govwatch.store.counties import load_stored_county

    url = web_database_url()
    with user_errors(), database(url) as db:
        with db.transaction() as session:
            load_stored_county(session, county)
        console.print(f"数据库：{db.url.render_as_string(hide_password=True)}")
    # Worker processes build the app from the settings (govwatch.web.asgi): hand the choices over through them.
    os.environ.update(GOVWATCH_DB=url, GOVWATCH_WEB_SECURE_COOKIE=str(secure_cookie).lower())
    if county:
        os.environ["GOVWATCH_WEB_COUNTY"] = county
    console.print(f"网页端地址：http://{host}:{port}/  （首个管理员账号用 govwatch user add NAME --role admin 创建）")
    # Behind a reverse proxy every request comes from the proxy: trust its X-Forwarded-For (from it alone),
    # so that the login limit counts each visitor's own address.
    uvicorn.run("govwatch.web.asgi:app_from_settings", factory=True, host=host, port=port, workers=workers,
                log_level="info", proxy_headers=bool(trusted_proxy),
                forwarded_allow_ips=",".join(trusted_proxy) if trusted_proxy else None)
