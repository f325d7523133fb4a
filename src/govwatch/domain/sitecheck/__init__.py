"""网站自查 (site self-check): the national check indicators (国办秘函〔2019〕19号) decided over what a
whole-site gathering saw. Every kind is a pure rule here; collect/site gathers, services/sitecheck wires."""
