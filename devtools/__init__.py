"""Tools for development, the tests and the offline demo, outside the production chain.

`devtools.replay` is a local stand-in for KOOP's SRU services; `devtools/sample/` is the sample
corpus it serves by default (and the script that writes it). Installed with the package, because
`kanaalwijzer demo` and `kanaalwijzer replay` use them; the core never imports them.
"""
