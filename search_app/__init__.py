"""The Flask app: `create_app(config)` builds it; one blueprint per area, no module-level app.

`config` is a kanaalwijzer `Config` (paths, search backend) or a mapping of Flask settings that
may carry one under the key "KANAALWIJZER" (tests pass TESTING and their own Config that way).
"""
from __future__ import annotations

from collections.abc import Mapping

from flask import Flask

from kanaalwijzer.config import Config, load_config


def create_app(config: Config | Mapping | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(JSON_AS_ASCII=False, JSON_SORT_KEYS=False)
    if isinstance(config, Config):
        app.config["KANAALWIJZER"] = config
    elif config is not None:
        app.config.update(config)
    app.config.setdefault("KANAALWIJZER", load_config())
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import resources, security, templating
    resources.init_app(app)
    security.init_app(app)
    templating.init_app(app)

    from .blueprints import api, besluit, digest, gemeente, overzicht, zoeken
    for module in (zoeken, gemeente, besluit, overzicht, digest, api):
        app.register_blueprint(module.bp)
    # The demo's mail catcher page exists only in the demo (see blueprints/demo.py).
    app.jinja_env.globals["demo_mode"] = bool(app.config["KANAALWIJZER"].demo_mailbox)
    if app.jinja_env.globals["demo_mode"]:
        from .blueprints import demo
        app.register_blueprint(demo.bp)
    return app
