# R forecast package (Hyndman) as the peer of the capacity forecaster: exports the classic public-domain series of
# R's datasets package (plus the Mauna Loa CO2 file we ship) as CSV cuts, and forecasts every cut with ets(),
# auto.arima() and thetaf(), 80% intervals (P10-P90). Called by benchmarks/capacity-vs-r.sh.
# Usage: Rscript forecast-peers.R OUT_DIR CO2_CSV [FIRST_CUT=0] [CUTS=3]
#   Cut k holds out the horizon ending k years before the series' end (k = FIRST_CUT .. FIRST_CUT + CUTS - 1).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
co2file <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

shipped <- read.csv(co2file, comment.char = "#")
maunaloa <- ts(shipped$value, start = c(1964, 5), frequency = 12)

series <- list(
  AirPassengers = AirPassengers, co2 = co2, USAccDeaths = USAccDeaths, ldeaths = ldeaths, mdeaths = mdeaths,
  fdeaths = fdeaths, nottem = nottem, UKDriverDeaths = UKDriverDeaths, maunaloa = maunaloa,
  UKgas = UKgas, JohnsonJohnson = JohnsonJohnson, austres = austres)

stamp <- function(x) {
  t <- time(x); f <- frequency(x)
  year <- floor(t + 1e-6); cycle <- round((t - year) * f) + 1
  month <- (cycle - 1) * (12 / f) + 1
  sprintf("%04d-%02d-01", year, month)
}

write_values <- function(x, file) {
  write.table(data.frame(timestamp = stamp(x), value = as.numeric(x)), file, sep = ",", row.names = FALSE, quote = FALSE)
}

first <- if (length(args) >= 3) as.integer(args[3]) else 0
cuts <- if (length(args) >= 4) as.integer(args[4]) else 3
for (name in names(series)) {
  x <- series[[name]]
  f <- frequency(x)
  h <- if (f == 12) 18 else 8       # 18 months, or 2 years of quarters
  stride <- f                        # origins a year apart
  for (k in first:(first + cuts - 1)) {
    end <- length(x) - h - k * stride
    if (end < 2 * f + 4) next
    train <- ts(x[1:end], start = start(x), frequency = f)
    test <- x[(end + 1):(end + h)]
    id <- sprintf("%s-%d", name, k)
    write_values(train, file.path(out, paste0("train-", id, ".csv")))
    write.table(data.frame(h = 1:h, value = test), file.path(out, paste0("test-", id, ".csv")), sep = ",", row.names = FALSE, quote = FALSE)
    fits <- list(
      ets = forecast(ets(train), h = h, level = 80),
      auto.arima = forecast(auto.arima(train), h = h, level = 80),
      thetaf = thetaf(train, h = h, level = 80))
    rows <- do.call(rbind, lapply(names(fits), function(m) {
      fc <- fits[[m]]
      data.frame(method = m, h = 1:h, mean = as.numeric(fc$mean), lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]))
    }))
    write.table(rows, file.path(out, paste0("r-", id, ".csv")), sep = ",", row.names = FALSE, quote = FALSE)
  }
  cat(sprintf("%s: %d points, frequency %d, %d cuts of horizon %d\n", name, length(x), f, cuts, h))
}
cat(sprintf("R %s, forecast %s\n", getRversion(), packageVersion("forecast")))
