"""Crawling: the source registry, Scrapy spiders (run in a subprocess), politeness and safety."""
