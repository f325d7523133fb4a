"""Local stand-ins for the outside world: a county portal and the platforms' APIs, on 127.0.0.1.

They speak the real request and response shapes (pagination, expired tokens, rate limits, malformed
payloads) so that crawls and adapters are tested, demonstrated and benchmarked without a network.
"""
