package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the server's Prometheus series, in a registry of its own.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	inflight    prometheus.Gauge
	uploadBytes prometheus.Counter
	uploadFail  *prometheus.CounterVec
	recipes     prometheus.GaugeFunc
}

func newMetrics(recipes func() float64) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "conid_serve_requests_total",
		Help: "HTTP requests by API version, route, method and status code.",
	}, []string{"api", "route", "method", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "conid_serve_request_duration_seconds",
		Help:    "HTTP request latency by route.",
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10, 60},
	}, []string{"route"})
	m.inflight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "conid_serve_requests_in_flight",
		Help: "HTTP requests being served.",
	})
	m.uploadBytes = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "conid_serve_upload_bytes_total",
		Help: "Bytes of files stored by uploads.",
	})
	m.uploadFail = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "conid_serve_upload_failures_total",
		Help: "Uploads rejected or failed, by reason.",
	}, []string{"reason"})
	m.recipes = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "conid_serve_recipes",
		Help: "Recipes in the search index.",
	}, recipes)
	m.reg.MustRegister(m.requests, m.duration, m.inflight, m.uploadBytes, m.uploadFail, m.recipes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
